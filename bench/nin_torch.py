#!/usr/bin/python3
"""The NiN nets of NiN Explorer's presets in PyTorch, timed like `nin-explorer bench`.

Mirrors org.ninexplorer.model.Presets: NiN block = conv(k,s,p)+ReLU, 1x1 conv+ReLU, 1x1 conv+ReLU;
max pool 3/2; dropout 0.5; global average pool; softmax cross-entropy; Adam(lr=0.002); random data.
Prints one line per timed iteration with images_per_s=<number>, then a median line.
--layout channels_last and --bf16 (CPU autocast to bfloat16) are PyTorch's own CPU speed-ups.
"""
import contextlib
import argparse
import statistics
import time

import torch
from torch import nn

PRESETS = {
    # input (C, H, W), blocks as (out channels, kernel, stride, padding)
    "fashion-28": ((1, 28, 28), [(32, 5, 1, 2), (64, 3, 1, 1), (128, 3, 1, 1), (10, 3, 1, 1)]),
    "d2l-224": ((1, 224, 224), [(96, 11, 4, 0), (256, 5, 1, 2), (384, 3, 1, 1), (10, 3, 1, 1)]),
}


def nin_block(cin, cout, k, s, p):
    return nn.Sequential(nn.Conv2d(cin, cout, k, s, p), nn.ReLU(),
                         nn.Conv2d(cout, cout, 1), nn.ReLU(),
                         nn.Conv2d(cout, cout, 1), nn.ReLU())


def nin(preset):
    (cin, _, _), blocks = PRESETS[preset]
    layers = []
    for i, (cout, k, s, p) in enumerate(blocks):
        if i == len(blocks) - 1:
            layers.append(nn.Dropout(0.5))
        layers.append(nin_block(cin, cout, k, s, p))
        if i < len(blocks) - 1:
            layers.append(nn.MaxPool2d(3, 2))
        cin = cout
    layers += [nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten()]
    return nn.Sequential(*layers)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--preset", default="fashion-28", choices=PRESETS)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--iters", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--mode", default="train", choices=["train", "featuremaps"])
    ap.add_argument("--threads", type=int, default=0, help="torch threads (0: PyTorch's default)")
    ap.add_argument("--layout", default="nchw", choices=["nchw", "channels_last"])
    ap.add_argument("--bf16", action="store_true", help="autocast the net to bfloat16 (fp32 weights and optimizer)")
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    net = nin(a.preset)
    shape = PRESETS[a.preset][0]
    n = 1 if a.mode == "featuremaps" else a.batch
    x = torch.randn(n, *shape)
    y = torch.randint(0, 10, (n,))
    if a.layout == "channels_last":
        net = net.to(memory_format=torch.channels_last)
        x = x.contiguous(memory_format=torch.channels_last)
    precision = (lambda: torch.autocast("cpu", dtype=torch.bfloat16)) if a.bf16 else contextlib.nullcontext
    opt = torch.optim.Adam(net.parameters(), lr=0.002)
    loss_fn = nn.CrossEntropyLoss()

    def step():
        if a.mode == "train":
            net.train()
            opt.zero_grad()
            with precision():
                out = net(x)
            loss = loss_fn(out.float(), y)
            loss.backward()
            opt.step()
            return loss.item()
        net.eval()
        with torch.no_grad(), precision():
            h = x
            for layer in net:  # every layer's activation, like DL4J's feedForward
                h = layer(h)
            torch.softmax(h, 1)
        return float("nan")

    print(f"pytorch {torch.__version__}, {torch.get_num_threads()} threads, {a.layout}{', bf16 autocast' if a.bf16 else ''}")
    for _ in range(a.warmup):
        step()
    rates = []
    for i in range(1, a.iters + 1):
        t = time.perf_counter()
        loss = step()
        ms = (time.perf_counter() - t) * 1000
        rates.append(n * 1000 / ms)
        print(f"torch {a.preset} {a.mode} iter={i} batch={n} ms={ms:.1f} images_per_s={rates[-1]:.1f} loss={loss:.4f}")
    print(f"torch {a.preset} {a.mode} median images_per_s={statistics.median(rates):.1f}")


if __name__ == "__main__":
    main()
