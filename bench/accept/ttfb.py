#!/usr/bin/env python3
"""Time to first byte of NEW connections: bench/accept/ttfb.py PORT SECONDS [PER_SECOND]

Opens a fresh connection PER_SECOND times a second (default 20) for SECONDS, sends GET /plaintext with
Connection: close and times connect + request until the first byte of the answer arrives; a connection waiting in
the listen backlog shows up here. Meant to run while wrk keeps the server busy with keep-alive connections.
Prints one line: "samples=N p50_ms=X p99_ms=Y max_ms=Z failures=F". Stdlib only; every socket has a timeout.
"""
import socket
import sys
import time

REQUEST = b"GET /plaintext HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
TIMEOUT = 30.0


def one(port):
    start = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as sock:
        sock.sendall(REQUEST)
        if not sock.recv(1):
            raise OSError("closed before answering")
        return (time.perf_counter() - start) * 1000.0


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    port, seconds = int(sys.argv[1]), float(sys.argv[2])
    per_second = float(sys.argv[3]) if len(sys.argv) > 3 else 20.0
    interval = 1.0 / per_second
    samples, failures = [], 0
    end = time.monotonic() + seconds
    next_at = time.monotonic()
    while time.monotonic() < end:
        try:
            samples.append(one(port))
        except OSError:
            failures += 1
        next_at += interval
        pause = next_at - time.monotonic()
        if pause > 0:
            time.sleep(pause)
    if not samples:
        print(f"samples=0 p50_ms=0 p99_ms=0 max_ms=0 failures={failures}")
        return
    print(f"samples={len(samples)} p50_ms={percentile(samples, 0.5):.2f} p99_ms={percentile(samples, 0.99):.2f} "
          f"max_ms={max(samples):.2f} failures={failures}")


if __name__ == "__main__":
    main()
