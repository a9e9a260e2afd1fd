#!/usr/bin/env python3
"""Python side of pool-bench's result-transfer cases (8, 9): a worker's large or keyed result coming back
through a fork Pool (pickle + pipe). Prints one JSON object per line: {"case": ..., "seconds": [run, ...]}.

Run by `pool-bench` (Sources/PoolBench/CodecCases.swift), which times the Swift side of the same cases.
Usage: codec_bench.py [--runs N] [--cases 8,9]
"""
import argparse
import json
import multiprocessing
import time

BYTES = 50_000_000
KEYS = 16_384


def big_bytes(_):
    return bytes(BYTES)


def keyed(_):
    return {f"key-{i}": i for i in range(KEYS)}


def timed(function):
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cases", default="8,9")
    args = parser.parse_args()
    cases = {int(c) for c in args.cases.split(",") if c}
    pool = multiprocessing.get_context("fork").Pool

    def emit(case, seconds):
        print(json.dumps({"case": case, "seconds": seconds}), flush=True)

    with pool(2) as p:
        if 8 in cases:
            p.apply(big_bytes, (0,))  # warm-up, as the Swift side does
            emit(8, [timed(lambda: p.apply(big_bytes, (0,))) for _ in range(args.runs)])
        if 9 in cases:
            p.apply(keyed, (0,))
            emit(9, [timed(lambda: p.apply(keyed, (0,))) for _ in range(args.runs)])


if __name__ == "__main__":
    main()
