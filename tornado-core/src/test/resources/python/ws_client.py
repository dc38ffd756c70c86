"""Drives our WebSocket server with Python Tornado's own client and prints what it saw as JSON.

Usage: /usr/bin/python3 ws_client.py PORT
"""
import asyncio
import json
import sys

from tornado.websocket import websocket_connect


async def main(port):
    base = "ws://127.0.0.1:%d" % port
    seen = {}

    ws = await websocket_connect(base + "/echo/py")
    await ws.write_message("hello from tornado")
    seen["text"] = await ws.read_message()
    await ws.write_message(b"\x00\x01\xfe\xff", binary=True)
    seen["binary"] = list(await ws.read_message())
    ws.ping(b"py-ping")
    await ws.write_message("after ping")
    seen["after_ping"] = await ws.read_message()
    await ws.write_message("close-me")
    seen["after_close"] = await ws.read_message()
    seen["close_code"] = ws.close_code
    seen["close_reason"] = ws.close_reason

    big = await websocket_connect(base + "/echo/py")
    await big.write_message("z" * 5000)
    seen["oversize_read"] = await big.read_message()
    seen["oversize_close_code"] = big.close_code

    compressed = await websocket_connect(base + "/echo/py", compression_options={})
    await compressed.write_message("squeeze " * 200)
    echoed = await compressed.read_message()
    seen["compressed_ok"] = echoed == "squeeze " * 200
    seen["compressed_negotiated"] = compressed.protocol._compressor is not None
    compressed.close()

    print(json.dumps(seen))


asyncio.run(main(int(sys.argv[1])))
