#!/usr/bin/python3
"""Groups a JFR recording's samples of the thread running `bench` by the part of training they are in.

usage: java -XX:StartFlightRecording=filename=/tmp/bench.jfr,settings=profile \\
            -jar target/dist/nin-explorer.jar bench --iters 40
       jfr print --json --stack-depth 64 --events jdk.ExecutionSample,jdk.NativeMethodSample /tmp/bench.jfr \\
            | bench/jfr_summary.py

A sample belongs to the first part (in the order below) that one of its frames matches.
"""
import collections
import json
import sys

PARTS = [  # (part, substring of "class.method" of a frame)
    ("fused NiN blocks, backward (oneDNN)", "FusedNinBlockLayer.backpropGradient"),
    ("fused NiN blocks, forward (oneDNN)", "FusedNinBlockLayer.activate"),
    ("convolutions, backward (libnd4j oneDNN)", "ConvolutionLayer.backpropGradient"),
    ("convolutions, forward (libnd4j oneDNN)", "ConvolutionLayer.activate"),
    ("max pooling", "SubsamplingLayer"),
    ("dropout", "DropoutLayer"),
    ("global average pooling", "GlobalPoolingLayer"),
    ("softmax and loss", "LossLayer"),
    ("Adam updater", "Updater"),
    ("score, listeners, bookkeeping", "MultiLayerNetwork"),
    ("bench set-up (data, network building)", "Benchmark"),
]

events = json.load(sys.stdin)["recording"]["events"]
counts = collections.Counter()
for event in events:
    values = event["values"]
    thread = (values.get("sampledThread") or {}).get("javaName", "")
    if thread != "main":
        continue
    frames = [f"{f['method']['type']['name']}.{f['method']['name']}" for f in values["stackTrace"]["frames"]]
    part = next((name for name, key in PARTS if any(key in frame for frame in frames)), "start-up, JIT, other")
    counts[part] += 1

total = sum(counts.values())
for part, n in counts.most_common():
    print(f"{part:45s} {100 * n / total:5.1f} %  ({n} samples)")
print(f"{'total':45s} {total} samples")
