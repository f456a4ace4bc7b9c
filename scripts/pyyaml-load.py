#!/usr/bin/env python3
"""The floor of any Python pipeline over a data folder: PyYAML's C loader (libyaml) loading every
.yaml file into Python objects, nothing else. Prints the seconds it took (best of N runs)."""
import pathlib
import sys
import time

import yaml

folder = pathlib.Path(sys.argv[1])
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
files = sorted(folder.rglob("*.yaml"))
best = float("inf")
for _ in range(runs):
    start = time.perf_counter()
    for path in files:
        with open(path, "rb") as f:
            yaml.load(f, Loader=yaml.CSafeLoader)
    best = min(best, time.perf_counter() - start)
print(f"{best:.3f}")
