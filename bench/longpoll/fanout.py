"""Long-poll fan-out against the demo's chat (CONTRACT.md routes), standard library only.

Usage: python3 fanout.py PORT SERVER_PID WAITERS

Logs in, parks WAITERS long polls on POST /a/message/updates, waits until /stats counts them all, posts one
message on POST /a/message/new and measures the time until every waiter has its answer. Also reads the server's
RSS before and after parking. Prints one line:
  waiters=N answered_200=N parked_s=.. all_answered_ms=.. rss_before_kib=.. rss_parked_kib=..
  rss_per_waiter_kib=.. live_heap_per_waiter_kib=..
(live heap = Java heap in use after a full GC, read with jcmd: what a parked waiter really keeps; RSS also counts
heap the JVM grew into while parking, garbage included.)
Talks to 127.0.0.1 only; every wait is bounded.
"""
import asyncio
import json
import re
import resource
import subprocess
import sys
import time
import urllib.parse

HOST = "127.0.0.1"


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def live_heap_kib(pid):
    """Java heap in use right after a full GC (jcmd), i.e. what is really retained; 0 when jcmd is missing."""
    try:
        subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60, check=True)
        info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, timeout=60, check=True)
    except (OSError, subprocess.SubprocessError):
        return 0
    match = re.search(r"total \d+K, used (\d+)K", info.stdout.decode())
    return int(match.group(1)) if match else 0


async def request(port, method, path, body=b"", cookie=None, timeout=30):
    reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), timeout)
    head = "%s %s HTTP/1.1\r\nHost: %s:%d\r\nConnection: close\r\n" % (method, path, HOST, port)
    if cookie:
        head += "Cookie: %s\r\n" % cookie
    if method == "POST":
        head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n" % len(body)
    writer.write(head.encode() + b"\r\n" + body)
    await writer.drain()
    data = await asyncio.wait_for(reader.read(), timeout)
    writer.close()
    return data


async def park(port, cookie, ready, answered):
    reader, writer = await asyncio.open_connection(HOST, port)
    body = b"cursor="
    writer.write(("POST /a/message/updates HTTP/1.1\r\nHost: %s:%d\r\nCookie: %s\r\n"
                  "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n"
                  % (HOST, port, cookie, len(body))).encode() + body)
    await writer.drain()
    ready.append(1)
    line = await asyncio.wait_for(reader.readline(), 120)
    answered.append((time.monotonic(), line.startswith(b"HTTP/1.1 200")))
    writer.close()


async def main(port, pid, waiters):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    login = await request(port, "POST", "/login", b"username=bench")
    cookie = None
    for line in login.split(b"\r\n"):
        if line.lower().startswith(b"set-cookie: user="):
            cookie = line.split(b": ", 1)[1].split(b";")[0].decode()
    if cookie is None:
        raise SystemExit("login did not set the user cookie: %r" % login[:300])
    heap_before = live_heap_kib(pid)
    rss_before = rss_kib(pid)
    ready, answered = [], []
    started = time.monotonic()
    tasks = []
    for _ in range(waiters):
        tasks.append(asyncio.ensure_future(park(port, cookie, ready, answered)))
        if len(tasks) % 500 == 0:
            await asyncio.sleep(0)
    deadline = time.monotonic() + 120
    while True:
        stats = json.loads((await request(port, "GET", "/stats")).split(b"\r\n\r\n", 1)[1])
        if stats.get("waiters", 0) >= waiters:
            break
        if time.monotonic() > deadline:
            raise SystemExit("only %s of %d waiters parked" % (stats.get("waiters"), waiters))
        await asyncio.sleep(0.2)
    parked_s = time.monotonic() - started
    heap_parked = live_heap_kib(pid)
    rss_parked = rss_kib(pid)
    sent = time.monotonic()
    await request(port, "POST", "/a/message/new", b"body=" + urllib.parse.quote("hello everyone").encode(), cookie)
    await asyncio.wait_for(asyncio.gather(*tasks), 120)
    last = max(t for t, _ in answered)
    ok = sum(1 for _, good in answered if good)
    print("waiters=%d answered_200=%d parked_s=%.1f all_answered_ms=%.0f rss_before_kib=%d rss_parked_kib=%d "
          "rss_per_waiter_kib=%.2f live_heap_per_waiter_kib=%.2f"
          % (waiters, ok, parked_s, (last - sent) * 1000, rss_before, rss_parked, (rss_parked - rss_before) / waiters,
             (heap_parked - heap_before) / waiters))


asyncio.run(main(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])))
