"""Python Tornado's TCP echo client, for the interoperability test of the Java TcpEchoServer.

Connects with tornado.tcpclient.TCPClient, sends each --message as one line, reads each answer with
read_until(b"\\n") and prints "Response from server: <line>". Run with /usr/bin/python3.
"""
import argparse
import asyncio

from tornado.tcpclient import TCPClient


async def main(host, port, messages):
    stream = await TCPClient().connect(host, port)
    for message in messages:
        await stream.write((message + "\n").encode())
        reply = await stream.read_until(b"\n")
        print("Response from server:", reply.decode().strip(), flush=True)
    stream.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--message", action="append", required=True)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.host, arguments.port, arguments.message))
