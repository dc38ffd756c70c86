"""A small Python Tornado server for the AsyncHttpClient interoperability test.

Binds 127.0.0.1 on a free port, prints "PORT <n>" once it listens, and serves until it is terminated.
Run with the Debian interpreter: /usr/bin/python3 tornado_server.py
"""
import asyncio

import tornado.httpserver
import tornado.netutil
import tornado.web


class Hello(tornado.web.RequestHandler):
    def get(self):
        self.write("hello from tornado " + tornado.version)


class Redirect(tornado.web.RequestHandler):
    def get(self):
        self.redirect("/hello")


class Echo(tornado.web.RequestHandler):
    def post(self):
        self.write({
            "method": self.request.method,
            "body": self.request.body.decode("utf-8"),
            "type": self.request.headers.get("Content-Type"),
        })


class Text(tornado.web.RequestHandler):
    def get(self):
        self.set_header("Content-Type", "text/plain")
        self.write("tornado " * 2000)


async def main():
    app = tornado.web.Application(
        [(r"/hello", Hello), (r"/redirect", Redirect), (r"/echo", Echo), (r"/text", Text)],
        compress_response=True,
    )
    sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
    server = tornado.httpserver.HTTPServer(app)
    server.add_sockets(sockets)
    print("PORT %d" % sockets[0].getsockname()[1], flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
