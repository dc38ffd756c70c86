"""Python Tornado baseline for bench/run.sh.

GET /plaintext -> "Hello, World!" (text/plain; charset=UTF-8) and GET /json -> {"message":"Hello, World!"}
(application/json), TechEmpower's definitions; the JSON body is serialized per request.

Usage: /usr/bin/python3 bench/tornado_py/server.py [port]   (or env PORT; default 8080)
Binds 127.0.0.1 unless env BIND_ADDRESS says otherwise.

Run it with Debian's /usr/bin/python3 (package python3-tornado); another python3 on PATH may lack Tornado.

It runs as ONE process on one IOLoop, Tornado's normal way of running: that is the programming model
tornado-java ports, so the comparison is "Tornado as people run it" (the JVM servers use every core).
Nothing is logged per request: the access log is switched off like on the other servers.
"""

import json
import os
import sys

import tornado.httpserver
import tornado.ioloop
import tornado.web


class PlaintextHandler(tornado.web.RequestHandler):
    def get(self):
        self.set_header("Content-Type", "text/plain; charset=UTF-8")
        self.finish(b"Hello, World!")


class JsonHandler(tornado.web.RequestHandler):
    def get(self):
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({"message": "Hello, World!"}, separators=(",", ":")))


def make_app():
    return tornado.web.Application(
        [(r"/plaintext", PlaintextHandler), (r"/json", JsonHandler)],
        log_function=lambda handler: None,  # no access log
    )


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("PORT") or 8080)
    address = os.environ.get("BIND_ADDRESS") or "127.0.0.1"
    server = tornado.httpserver.HTTPServer(make_app(), xheaders=False)
    server.listen(port, address=address, backlog=1024)
    print("tornado-py server started on %s:%d (Tornado %s, 1 process)" % (address, port, tornado.version),
          flush=True)
    tornado.ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
