#!/usr/bin/env python3
"""Python side of pool-bench's streaming cases (10-12): imap with chunksize 1, terminate() with millions of
tasks pending, and a lazy 1M-item generator through imap (time and the parent's peak memory). Prints one JSON
object per line: {"case": ..., "seconds": [run, ...], ...extra}.

Usage: pool_bench_streaming.py [--runs N] [--cases 10,11,12]
"""
import argparse
import json
import multiprocessing
import time


def square(x):
    return x * x


def timed(function):
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def reset_peak_rss():
    """Resets the kernel's peak-RSS mark of this process (Linux 4.0+), so VmHWM measures from now."""
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


def peak_rss_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def case10():
    with Pool(2) as p:
        return timed(lambda: sum(p.imap(square, range(100_000), chunksize=1)))


def case11():
    p = Pool(2)
    it = p.imap(square, range(5_000_000))
    next(it)
    seconds = timed(p.terminate)
    p.join()
    return seconds


def case12():
    with Pool(2) as p:
        reset_peak_rss()
        before = peak_rss_mib()
        seconds = timed(lambda: sum(p.imap(square, (i for i in range(1_000_000)), chunksize=100)))
        return seconds, peak_rss_mib() - before


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cases", default="10,11,12")
    args = parser.parse_args()
    cases = {int(c) for c in args.cases.split(",") if c}

    def emit(case, seconds, **extra):
        print(json.dumps({"case": case, "seconds": seconds, **extra}), flush=True)

    if 10 in cases:
        emit(10, [case10() for _ in range(args.runs)])
    if 11 in cases:
        emit(11, [case11() for _ in range(args.runs)])
    if 12 in cases:
        runs = [case12() for _ in range(max(1, min(args.runs, 3)))]
        emit(12, [r[0] for r in runs], peak_mib=[r[1] for r in runs])


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    Pool = multiprocessing.get_context("fork").Pool
    main()
