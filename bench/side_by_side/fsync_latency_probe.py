#!/usr/bin/env python3
"""How long an fdatasync of a small WAL-like append takes on this disk, alone
or beside a checkpoint-like flush (docs/benchmarks.md, issue 12 "Round 17").

The host's acknowledgement waits for one fdatasync of the SQLite WAL (group
commit) while the WAL checkpointer writes pages into the database file and
fsyncs it. This probe measures the disk's share of the acknowledgement's tail
apart from the host's CPU: it overwrites 16 KB of a preallocated file and times
fdatasync() in a loop (as the reused WAL is written), optionally while a
thread writes PAGES scattered 4 KB pages into a 64 MB file and fsyncs it,
once per the time the host takes to write PAGES WAL pages at 3 000
deliveries/s (about four pages a delivery).

    bench/side_by_side/fsync_latency_probe.py [--seconds 8] [--checkpoint-pages 0|N] [--dir DIR]

Prints the count and the p50/p90/p99/p99.9/max of the fdatasync times.
"""
import argparse
import os
import threading
import time

PAGE = 4096
WAL_APPEND = 16 * 1024
WAL_SIZE = 4 << 20
DATABASE_PAGES = 16384  # 64 MB
PAGES_PER_SECOND = 12_000  # ~4 WAL pages a delivery at 3 000 deliveries/s


def checkpoint_like_flushes(path, pages, stop):
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        data = os.urandom(pages * PAGE)
        while not stop.is_set():
            for i in range(pages):
                os.pwrite(fd, data[i * PAGE:(i + 1) * PAGE], ((i * 7919) % DATABASE_PAGES) * PAGE)
            os.fsync(fd)
            stop.wait(pages / PAGES_PER_SECOND)
    finally:
        os.close(fd)
        os.unlink(path)


def quantile(sorted_values, q):
    return sorted_values[max(0, int(q * len(sorted_values)) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--checkpoint-pages", type=int, default=0)
    parser.add_argument("--dir", default=".")
    args = parser.parse_args()

    stop = threading.Event()
    flusher = None
    if args.checkpoint_pages > 0:
        flusher = threading.Thread(target=checkpoint_like_flushes,
                                   args=(os.path.join(args.dir, "probe-database.bin"), args.checkpoint_pages, stop))
        flusher.start()

    path = os.path.join(args.dir, "probe-wal.bin")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    latencies_ms = []
    try:
        os.pwrite(fd, bytes(WAL_SIZE), 0)  # written once, as a reused WAL is: no size change to sync later
        os.fsync(fd)
        append = os.urandom(WAL_APPEND)
        offset = 0
        deadline = time.monotonic() + args.seconds
        while time.monotonic() < deadline:
            os.pwrite(fd, append, offset)
            offset = (offset + WAL_APPEND) % WAL_SIZE
            started = time.perf_counter()
            os.fdatasync(fd)
            latencies_ms.append((time.perf_counter() - started) * 1000)
            time.sleep(0.0005)  # a group commit's gap between batches
    finally:
        stop.set()
        if flusher:
            flusher.join()
        os.close(fd)
        os.unlink(path)

    latencies_ms.sort()
    print("checkpoint pages %d: %d fdatasyncs, ms: p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f" %
          (args.checkpoint_pages, len(latencies_ms), quantile(latencies_ms, .5), quantile(latencies_ms, .9),
           quantile(latencies_ms, .99), quantile(latencies_ms, .999), latencies_ms[-1]))


if __name__ == "__main__":
    main()
