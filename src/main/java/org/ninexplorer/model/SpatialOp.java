package org.ninexplorer.model;

/**
 * One sliding-window operation along a spatial side: out = ⌊(in + 2p − k) / s⌋ + 1.
 * Knows both the result and how to explain it with the numbers plugged in.
 */
record SpatialOp(int kernel, int stride, int padding) {

    /** The output size, or a value below 1 when the window does not fit. */
    int apply(int in) {
        int span = in + 2 * padding - kernel;
        return span < 0 ? 0 : span / stride + 1;
    }

    /** E.g. {@code 28 + 2·0 − 11 = 17 → ⌊17/4⌋ + 1 = 5}. */
    String formula(int in) {
        int span = in + 2 * padding - kernel;
        String head = in + " + 2·" + padding + " − " + kernel + " = " + span;
        return span < 0 ? head + " < 0" : head + " → ⌊" + span + "/" + stride + "⌋ + 1 = " + (span / stride + 1);
    }
}
