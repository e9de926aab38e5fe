#!/usr/bin/env python3
"""Times Python's json module loading a file: the reference for roledeck's progress load.

Usage: python_json_load.py FILE [RUNS]. Prints {"bytes": B, "seconds": best of RUNS}.
"""
import json
import os
import sys
import time


def main() -> None:
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        with open(path, "rb") as handle:
            json.load(handle)
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"bytes": os.path.getsize(path), "seconds": best}))


if __name__ == "__main__":
    main()
