#!/usr/bin/env python3
"""Python side of `pool-bench`: the six cases of the pool benchmark with multiprocessing's fork Pool and
ThreadPool. Prints one JSON object per line: {"case": ..., "seconds": [run, ...], ...extra}.

Run by `pool-bench` (Sources/PoolBench), which runs the Swift side of each case and prints the comparison.
Usage: pool_bench.py [--runs N] [--cases 1,2,3,4,5,6]
"""
import argparse
import json
import multiprocessing
import time
from multiprocessing.pool import ThreadPool


def square(x):
    return x * x


def spin(n):
    """A pure arithmetic loop (a linear congruential generator), CPU-bound under the GIL."""
    x = 1
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0xFFFFFFFF
    return x


def sleep_one(_):
    time.sleep(1)
    return 0


def timed(function):
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def calibrate_spin(target=0.1):
    """Iterations of `spin` that take about `target` seconds here."""
    n = 200_000
    elapsed = timed(lambda: spin(n))
    return max(1, int(n * target / elapsed))


def case1():
    def run():
        with Pool(5) as p:
            p.map(square, range(10))
    return timed(run)


def case2():
    data = range(1_000_000)
    with Pool(2) as p:
        return timed(lambda: p.map(square, data))


def case3():
    data = range(100_000)
    with Pool(2) as p:
        return timed(lambda: p.map(square, data, chunksize=1))


def case4(n):
    serial = timed(lambda: [spin(n) for _ in range(8)])
    with Pool(2) as p:
        processes = timed(lambda: p.map(spin, [n] * 8))
    with ThreadPool(2) as p:
        threads = timed(lambda: p.map(spin, [n] * 8))
    return serial, processes, threads


def case5():
    with Pool(4) as p:
        return timed(lambda: p.map(sleep_one, range(12)))


def case6():
    data = range(1_000_000)
    with ThreadPool(2) as p:
        return timed(lambda: p.map(square, data))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cases", default="1,2,3,4,5,6")
    args = parser.parse_args()
    cases = {int(c) for c in args.cases.split(",") if c}
    runs = args.runs

    def emit(case, seconds, **extra):
        print(json.dumps({"case": case, "seconds": seconds, **extra}), flush=True)

    if 1 in cases:
        emit(1, [case1() for _ in range(runs)])
    if 2 in cases:
        emit(2, [case2() for _ in range(runs)])
    if 3 in cases:
        emit(3, [case3() for _ in range(runs)])
    if 4 in cases:
        n = calibrate_spin()
        results = [case4(n) for _ in range(runs)]
        emit(4, [r[1] for r in results], serial=[r[0] for r in results], threads=[r[2] for r in results],
             iterations=n)
    if 5 in cases:
        emit(5, [case5() for _ in range(max(1, min(runs, 3)))])
    if 6 in cases:
        emit(6, [case6() for _ in range(runs)])


if __name__ == "__main__":
    # Python 3.14 moves Linux to forkserver; the comparison is with the fork Pool the lesson uses.
    multiprocessing.set_start_method("fork")
    Pool = multiprocessing.get_context("fork").Pool
    main()
