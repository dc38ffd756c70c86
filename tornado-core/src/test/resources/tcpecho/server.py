"""Python Tornado's TCP echo server, for the interoperability test of the Java TcpEchoClient.

A tornado.tcpserver.TCPServer that answers every line with the same line. Binds 127.0.0.1 on a free port, prints
"PORT <n>" once it listens, and serves until terminated. Run with /usr/bin/python3.
"""
import asyncio

from tornado.iostream import StreamClosedError
from tornado.netutil import bind_sockets
from tornado.tcpserver import TCPServer


class EchoServer(TCPServer):
    async def handle_stream(self, stream, address):
        while True:
            try:
                data = await stream.read_until(b"\n")
                await stream.write(data)
            except StreamClosedError:
                break


async def main():
    sockets = bind_sockets(0, "127.0.0.1")
    server = EchoServer()
    server.add_sockets(sockets)
    print("PORT %d" % sockets[0].getsockname()[1], flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
