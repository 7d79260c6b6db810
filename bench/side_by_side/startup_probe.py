#!/usr/bin/env python3
"""Start-up to the first /healthz 200, repeated (issue 12's start-up goal).

Starts the host N times on an empty data dir with the plugins loaded, polls
/healthz every millisecond and prints each wall time, the median, and the host
CPU (utime + stime from /proc, 10 ms ticks) used until that 200. On a loaded
machine the wall time is mostly waiting for a core; the CPU time is the part
the host controls.

    bench/side_by_side/startup_probe.py build/bin/integration-host build/plugins /tmp/probe-data [N]
"""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request


def main():
    exe, plugins, data = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 9
    walls, cpus = [], []
    for _ in range(runs):
        shutil.rmtree(data, ignore_errors=True)
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        begin = time.monotonic()
        host = subprocess.Popen([exe, "--port", str(port), "--data-dir", data, "--plugins-dir", plugins],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while True:
                try:
                    if urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).status == 200:
                        break
                except OSError:
                    time.sleep(0.001)
                if time.monotonic() - begin > 20:
                    raise SystemExit("no /healthz 200 within 20 s")
            walls.append((time.monotonic() - begin) * 1000)
            stat = open(f"/proc/{host.pid}/stat").read().rsplit(")", 1)[1].split()
            cpus.append((int(stat[11]) + int(stat[12])) * 1000 / os.sysconf("SC_CLK_TCK"))
        finally:
            host.terminate()
            host.wait()
    median = lambda values: sorted(values)[len(values) // 2]
    print("wall ms:", " ".join(f"{w:.0f}" for w in walls), f"(median {median(walls):.0f})")
    print("host CPU ms:", " ".join(f"{c:.0f}" for c in cpus), f"(median {median(cpus):.0f})")


if __name__ == "__main__":
    main()
