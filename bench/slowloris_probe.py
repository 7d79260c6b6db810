#!/usr/bin/env python3
"""bench/slowloris_probe.py - does the host keep answering /healthz while
hundreds of idle and slow ("slowloris") connections are open?

Opens --idle connections that send nothing and --dribble connections that each
send one byte of a never-ending request header every --interval seconds, then
times --probes GET /healthz requests, each from a fresh connection, while they
stay open. Then it closes them all and times how soon /healthz answers again.
Prints p50/p99/max of the probes, how many probes failed (no answer within
--probe-timeout), how many attack connections the host closed by itself, and
the recovery time.

Loopback only, bounded counts, stops by itself (after about --hold seconds,
or the probes' time if longer, plus the recovery probe). Standard library only.

    bench/slowloris_probe.py --url http://127.0.0.1:8080
    bench/slowloris_probe.py --url http://127.0.0.1:8080 --idle 500 --dribble 200 --interval 2 --probes 20

The figures before and after the event-driven front are in docs/http-front.md.
"""

import argparse
import ipaddress
import resource
import socket
import statistics
import sys
import threading
import time
import urllib.parse

MAX_CONNECTIONS = 5000


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", default="http://127.0.0.1:8080", help="the host's base URL (loopback only)")
    p.add_argument("--idle", type=int, default=500, help="connections that send nothing")
    p.add_argument("--dribble", type=int, default=200, help="connections that send one header byte per interval")
    p.add_argument("--interval", type=float, default=2.0, help="seconds between two bytes of a dribbling connection")
    p.add_argument("--probes", type=int, default=20, help="GET /healthz probes from fresh connections")
    p.add_argument("--probe-gap", type=float, default=0.25, help="seconds between two probes")
    p.add_argument("--probe-timeout", type=float, default=5.0, help="a probe without an answer by then failed")
    p.add_argument("--settle", type=float, default=1.0, help="seconds between opening the attack and probing")
    p.add_argument("--hold", type=float, default=12.0,
                   help="keep the attack open at least this long (past the host's request deadline) before closing it")
    args = p.parse_args()
    if args.idle < 0 or args.dribble < 0 or args.idle + args.dribble > MAX_CONNECTIONS:
        p.error(f"--idle + --dribble must be within 0..{MAX_CONNECTIONS}")
    if not 1 <= args.probes <= 1000:
        p.error("--probes must be within 1..1000")
    return args


def target(url):
    parsed = urllib.parse.urlsplit(url)
    host = parsed.hostname or "127.0.0.1"
    address = socket.gethostbyname(host)
    if not ipaddress.ip_address(address).is_loopback:
        sys.exit(f"slowloris_probe: {host} is not a loopback address; this probe only runs against loopback")
    return address, parsed.port or 80, host


def raise_file_limit(wanted):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    goal = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < goal:
        resource.setrlimit(resource.RLIMIT_NOFILE, (goal, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def connect(address, port):
    s = socket.create_connection((address, port), timeout=5)
    s.setblocking(False)
    return s


def probe(address, port, host, timeout):
    """Seconds until a complete /healthz answer, or None when none came in time."""
    started = time.monotonic()
    try:
        with socket.create_connection((address, port), timeout=timeout) as s:
            s.settimeout(max(0.01, timeout - (time.monotonic() - started)))
            s.sendall(f"GET /healthz HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
            data = b""
            while b"\r\n\r\n" not in data or not data.split(b"\r\n\r\n", 1)[1]:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            if not data.startswith(b"HTTP/1.1 200"):
                return None
    except OSError:
        return None
    return time.monotonic() - started


class Dribbler(threading.Thread):
    """Sends one byte of an endless header on every dribbling connection per interval."""

    HEADER = b"GET /healthz HTTP/1.1\r\nHost: probe\r\nX-Slow: "

    def __init__(self, sockets, interval):
        super().__init__(daemon=True)
        self.sockets = sockets
        self.interval = interval
        self.sent = [0] * len(sockets)
        self.stopping = threading.Event()

    def next_byte(self, i):
        n = self.sent[i]
        self.sent[i] += 1
        return self.HEADER[n:n + 1] if n < len(self.HEADER) else b"a"

    def run(self):
        while not self.stopping.wait(self.interval):
            for i, s in enumerate(self.sockets):
                if s is None:
                    continue
                try:
                    s.send(self.next_byte(i))
                except OSError:
                    pass  # closed by the host: counted at the end


def closed_by_host(s):
    """True when the host has closed the connection (EOF or reset)."""
    try:
        return s.recv(1, socket.MSG_PEEK) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def main():
    args = parse_args()
    address, port, host = target(args.url)
    limit = raise_file_limit(args.idle + args.dribble + 256)
    if limit < args.idle + args.dribble + 64:
        sys.exit(f"slowloris_probe: the open-file limit ({limit}) is too low "
                 f"for {args.idle + args.dribble} connections")

    idle, slow = [], []
    opened_at = time.monotonic()
    for _ in range(args.idle):
        idle.append(connect(address, port))
    for _ in range(args.dribble):
        slow.append(connect(address, port))
    dribbler = Dribbler(slow, args.interval)
    dribbler.start()
    print(f"opened {len(idle)} idle + {len(slow)} dribbling connections in "
          f"{time.monotonic() - opened_at:.2f} s (one byte per {args.interval:g} s each)")
    time.sleep(args.settle)

    times, failures = [], 0
    for _ in range(args.probes):
        took = probe(address, port, host, args.probe_timeout)
        if took is None:
            failures += 1
            times.append(args.probe_timeout)
        else:
            times.append(took)
        time.sleep(args.probe_gap)
    time.sleep(max(0.0, args.hold - (time.monotonic() - opened_at)))
    held = time.monotonic() - opened_at

    idle_closed = sum(closed_by_host(s) for s in idle)
    slow_closed = sum(closed_by_host(s) for s in slow)
    dribbler.stopping.set()
    dribbler.join()
    for s in idle + slow:
        s.close()
    closed_at = time.monotonic()
    recovered = None
    while recovered is None and time.monotonic() - closed_at < 30:
        recovered = probe(address, port, host, 1.0)
    recovery = time.monotonic() - closed_at

    ms = [t * 1000 for t in times]
    print(f"/healthz probes: {args.probes}, failed (no answer within {args.probe_timeout:g} s): {failures}")
    print(f"  p50 {percentile(ms, 0.50):.1f} ms   p99 {percentile(ms, 0.99):.1f} ms   max {max(ms):.1f} ms"
          f"   mean {statistics.fmean(ms):.1f} ms")
    print(f"after {held:.1f} s the host had closed {idle_closed}/{len(idle)} idle and "
          f"{slow_closed}/{len(slow)} dribbling connections")
    if recovered is None:
        print("recovery: /healthz still not answering 30 s after the connections closed")
        return 1
    print(f"recovery: /healthz answered {recovery * 1000:.1f} ms after the connections closed "
          f"(that probe took {recovered * 1000:.1f} ms)")
    return 0 if failures == 0 and percentile(ms, 0.99) < 1000 else 2


if __name__ == "__main__":
    sys.exit(main())
