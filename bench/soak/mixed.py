"""The soak's mixed load on the demo (CONTRACT.md routes), standard library only.

Usage: python3 mixed.py PORT SECONDS WAITERS SOCKETS DOWNLOADERS SAMPLE_SHA256

For SECONDS: WAITERS long polls on POST /a/message/updates (each re-parks with its cursor after every answer),
one poster sending a chat message per second on POST /a/message/new (and one after the end, which
answers the polls still parked), SOCKETS WebSockets on /ws/echo each sending
a text message per second and checking the echo, and DOWNLOADERS clients downloading /download/sample.bin in a
loop and checking its SHA-256. Prints one MINUTE line per minute and, at the end, one line
  MIXED requests=N errors=N lost=N longpolls=N posts=N ws_messages=N downloads=N
errors: failed requests, wrong statuses, wrong echoes or hashes; lost: a long poll or an echo that got no answer
within 30 s, or a connection the server closed under a client. Talks to 127.0.0.1 only; every wait is bounded.
"""
import asyncio
import base64
import hashlib
import os
import re
import resource
import sys
import time
import urllib.parse

HOST = "127.0.0.1"
ANSWER_TIMEOUT = 30


class Counters:
    def __init__(self):
        self.values = dict(requests=0, errors=0, lost=0, longpolls=0, posts=0, ws_messages=0, downloads=0)
        self.error_samples = []

    def add(self, name, amount=1):
        self.values[name] += amount

    def error(self, what):
        self.values["errors"] += 1
        if len(self.error_samples) < 10:
            self.error_samples.append(what)


async def read_response(reader):
    """Reads one HTTP/1.1 response with a Content-Length body; returns (status, headers, body)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers.setdefault(name.strip().lower(), []).append(value.strip())
    length = int(headers.get("content-length", ["0"])[0])
    body = await reader.readexactly(length) if length else b""
    return status, headers, body


def post_head(path, body, cookie, port):
    return ("POST %s HTTP/1.1\r\nHost: %s:%d\r\nCookie: %s\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Content-Length: %d\r\n\r\n" % (path, HOST, port, cookie, len(body))).encode() + body


async def login(port):
    reader, writer = await asyncio.open_connection(HOST, port)
    body = b"username=soak"
    writer.write(("POST /login HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                  "Content-Length: %d\r\nConnection: close\r\n\r\n" % (HOST, port, len(body))).encode() + body)
    status, headers, _ = await asyncio.wait_for(read_response(reader), ANSWER_TIMEOUT)
    writer.close()
    for value in headers.get("set-cookie", []):
        if value.startswith("user="):
            return value.split(";")[0]
    raise SystemExit("login answered %d without a user cookie" % status)


async def long_poller(port, cookie, stop_at, counters):
    cursor = ""
    while time.monotonic() < stop_at:
        try:
            reader, writer = await asyncio.open_connection(HOST, port)
        except OSError as e:
            counters.error("long poll connect: %s" % e)
            await asyncio.sleep(1)
            continue
        try:
            while time.monotonic() < stop_at:
                writer.write(post_head("/a/message/updates", ("cursor=" + cursor).encode(), cookie, port))
                status, _, body = await asyncio.wait_for(read_response(reader), ANSWER_TIMEOUT)
                counters.add("requests")
                counters.add("longpolls")
                if status != 200:
                    counters.error("long poll status %d" % status)
                    break
                ids = re.findall(rb'"id":\s*"?(\d+)', body)
                if ids:
                    cursor = ids[-1].decode()
        except (asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError):
            if time.monotonic() < stop_at:
                counters.add("lost")
        finally:
            writer.close()


async def poster(port, cookie, stop_at, counters):
    reader, writer = await asyncio.open_connection(HOST, port)
    number = 0
    try:
        while time.monotonic() < stop_at:
            number += 1
            body = b"body=" + urllib.parse.quote("soak message %d" % number).encode()
            writer.write(post_head("/a/message/new", body, cookie, port))
            status, _, _ = await asyncio.wait_for(read_response(reader), ANSWER_TIMEOUT)
            counters.add("requests")
            counters.add("posts")
            if status != 200:
                counters.error("post status %d" % status)
            await asyncio.sleep(1)
        # A last message after the end answers the polls parked at that moment; nobody re-parks after it.
        await asyncio.sleep(max(0.0, stop_at + 1 - time.monotonic()))
        writer.write(post_head("/a/message/new", b"body=soak+ends", cookie, port))
        await asyncio.wait_for(read_response(reader), ANSWER_TIMEOUT)
    except (asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError) as e:
        counters.error("poster: %r" % e)
    finally:
        writer.close()


def ws_frame(opcode, payload):
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return bytes([0x80 | opcode, 0x80 | len(payload)]) + mask + masked


async def ws_read(reader):
    first, second = await reader.readexactly(2)
    length = second & 0x7F
    if length == 126:
        length = int.from_bytes(await reader.readexactly(2), "big")
    elif length == 127:
        length = int.from_bytes(await reader.readexactly(8), "big")
    return first & 0x0F, await reader.readexactly(length)


async def web_socket(port, stop_at, counters):
    try:
        reader, writer = await asyncio.open_connection(HOST, port)
    except OSError as e:
        counters.error("websocket connect: %s" % e)
        return
    try:
        key = base64.b64encode(os.urandom(16)).decode()
        writer.write(("GET /ws/echo HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % (HOST, port, key)).encode())
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), ANSWER_TIMEOUT)
        counters.add("requests")
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            counters.error("websocket handshake: %r" % head[:80])
            return
        while time.monotonic() < stop_at:
            payload = os.urandom(8).hex().encode()
            writer.write(ws_frame(0x1, payload))
            opcode, data = await asyncio.wait_for(ws_read(reader), ANSWER_TIMEOUT)
            counters.add("ws_messages")
            if opcode != 0x1 or data != payload:
                counters.error("websocket echo opcode %d %r" % (opcode, data[:40]))
            await asyncio.sleep(1)
        writer.write(ws_frame(0x8, (1000).to_bytes(2, "big")))
        await asyncio.wait_for(ws_read(reader), ANSWER_TIMEOUT)
    except asyncio.TimeoutError:
        counters.add("lost")
    except (asyncio.IncompleteReadError, ConnectionError):
        counters.add("lost")
    finally:
        writer.close()


async def downloader(port, expected, stop_at, counters):
    while time.monotonic() < stop_at:
        try:
            reader, writer = await asyncio.open_connection(HOST, port)
            writer.write(("GET /download/sample.bin HTTP/1.1\r\nHost: %s:%d\r\nConnection: close\r\n\r\n"
                          % (HOST, port)).encode())
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), ANSWER_TIMEOUT)
            digest = hashlib.sha256()
            while True:
                chunk = await asyncio.wait_for(reader.read(65536), ANSWER_TIMEOUT)
                if not chunk:
                    break
                digest.update(chunk)
            writer.close()
            counters.add("requests")
            counters.add("downloads")
            if b" 200 " not in head.split(b"\r\n", 1)[0] or digest.hexdigest() != expected:
                counters.error("download: %r sha256 %s" % (head[:40], digest.hexdigest()))
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError) as e:
            counters.error("download: %r" % e)
            await asyncio.sleep(1)


async def report_minutes(started, stop_at, counters):
    minute = 0
    while time.monotonic() < stop_at:
        await asyncio.sleep(min(60, max(0.0, stop_at - time.monotonic())))
        minute += 1
        print("MINUTE %d %s" % (minute, " ".join("%s=%d" % kv for kv in counters.values.items())), flush=True)


async def main(port, seconds, waiters, sockets, downloaders, expected):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    counters = Counters()
    cookie = await login(port)
    started = time.monotonic()
    stop_at = started + seconds
    tasks = [asyncio.ensure_future(poster(port, cookie, stop_at, counters)),
             asyncio.ensure_future(report_minutes(started, stop_at, counters))]
    tasks += [asyncio.ensure_future(long_poller(port, cookie, stop_at, counters)) for _ in range(waiters)]
    tasks += [asyncio.ensure_future(web_socket(port, stop_at, counters)) for _ in range(sockets)]
    tasks += [asyncio.ensure_future(downloader(port, expected, stop_at, counters)) for _ in range(downloaders)]
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), seconds + 2 * ANSWER_TIMEOUT + 30)
    except asyncio.TimeoutError:
        counters.error("clients still running %d s after the end" % (2 * ANSWER_TIMEOUT + 30))
    for sample in counters.error_samples:
        print("ERROR-SAMPLE %s" % sample, flush=True)
    print("MIXED %s" % " ".join("%s=%d" % kv for kv in counters.values.items()), flush=True)


asyncio.run(main(int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]),
                 sys.argv[6]))
