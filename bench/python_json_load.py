#!/usr/bin/env python3
"""Times Python's json module loading a file: the reference for roledeck's progress load.

Usage: python_json_load.py FILE [RUNS]. Prints {"bytes": B, "seconds": [T1, ...]}, one time per run,
so the caller compares the median with its own median.
"""
import json
import os
import sys
import time


def main() -> None:
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with open(path, "rb") as handle:
            json.load(handle)
        times.append(time.perf_counter() - start)
    print(json.dumps({"bytes": os.path.getsize(path), "seconds": times}))


if __name__ == "__main__":
    main()
