#!/usr/bin/python3
"""Sums a DNNL_VERBOSE=1 log (ours or PyTorch's) by primitive, then lists the costliest reorders.

usage: DNNL_VERBOSE=1 java -jar target/dist/nin-explorer.jar bench --iters 4 --warmup 0 | bench/dnnl_summary.py
"""
import collections
import sys

by_kind = collections.Counter()
calls = collections.Counter()
reorders = collections.Counter()
reorder_calls = collections.Counter()
for line in sys.stdin:
    f = line.strip().split(",")
    if len(f) < 6 or f[1] != "exec":
        continue
    try:
        ms = float(f[-1])
    except ValueError:
        continue
    kind = f[3]
    if kind == "convolution":
        kind += " backward" if "backward" in f[5] else " forward"
    by_kind[kind] += ms
    calls[kind] += 1
    if kind == "reorder":
        key = f"{f[6]} {f[-2]}"
        reorders[key] += ms
        reorder_calls[key] += 1

for kind, ms in by_kind.most_common():
    print(f"{kind:24s} {ms:9.1f} ms {calls[kind]:6d} calls")
print(f"{'total':24s} {sum(by_kind.values()):9.1f} ms")
print("\ncostliest reorders:")
for key, ms in reorders.most_common(10):
    print(f"{ms:9.1f} ms {reorder_calls[key]:5d}x  {key}")
