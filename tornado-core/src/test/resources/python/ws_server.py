"""A Python Tornado WebSocket server for the Java WebSocket client's interoperability test.

Binds 127.0.0.1 on a free port, prints "PORT <n>" once it listens, and serves until it is terminated.
Run with the Debian interpreter: /usr/bin/python3 ws_server.py
/echo echoes text and binary (permessage-deflate allowed, at most 4096 bytes per message); "close-me" makes it
close with 1001 "goodbye", "big" makes it send 8000 bytes; it picks the subprotocol "chat.v2" when offered and
greets with the "user" cookie when one came.
"""
import asyncio

import tornado.netutil
import tornado.httpserver
import tornado.web
import tornado.websocket


class Echo(tornado.websocket.WebSocketHandler):
    def get_compression_options(self):
        return {}

    def select_subprotocol(self, subprotocols):
        return "chat.v2" if "chat.v2" in subprotocols else None

    def open(self):
        user = self.get_cookie("user")
        if user:
            self.write_message("hello " + user)

    def on_message(self, message):
        if message == "close-me":
            self.close(1001, "goodbye")
        elif message == "big":
            self.write_message("x" * 8000)
        else:
            self.write_message(message, binary=isinstance(message, bytes))


async def main():
    app = tornado.web.Application([("/echo", Echo)], websocket_max_message_size=4096)
    sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
    server = tornado.httpserver.HTTPServer(app)
    server.add_sockets(sockets)
    print("PORT %d" % sockets[0].getsockname()[1], flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
