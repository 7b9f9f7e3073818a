package org.ninexplorer.training.fused;

/**
 * A fused NiN block's shape: input channels and size, output channels, the first convolution's kernel, stride
 * and padding, and the max pooling that follows the block inside the layer ({@code poolKernel} 0: none).
 * The block's own output (what its feature maps show) is {@link #blockHeight()} × {@link #blockWidth()}; the
 * layer's output is that after the pooling.
 */
public record BlockGeometry(int inChannels, int height, int width, int channels, int kernel, int stride, int padding,
                            int poolKernel, int poolStride) {

    public boolean pooled() {
        return poolKernel > 0;
    }

    public int blockHeight() {
        return (height + 2 * padding - kernel) / stride + 1;
    }

    public int blockWidth() {
        return (width + 2 * padding - kernel) / stride + 1;
    }

    /** The layer's output height: the block's, pooled without padding, rounding down (as DL4J's Truncate mode and PyTorch do). */
    public int outHeight() {
        return pooled() ? (blockHeight() - poolKernel) / poolStride + 1 : blockHeight();
    }

    public int outWidth() {
        return pooled() ? (blockWidth() - poolKernel) / poolStride + 1 : blockWidth();
    }

    long[] inDims(int n, int conv) {
        return conv == 0 ? new long[] {n, inChannels, height, width} : blockDims(n);
    }

    long[] blockDims(int n) {
        return new long[] {n, channels, blockHeight(), blockWidth()};
    }

    long[] outDims(int n) {
        return new long[] {n, channels, outHeight(), outWidth()};
    }

    long[] weightDims(int conv) {
        int k = conv == 0 ? kernel : 1;
        return new long[] {channels, conv == 0 ? inChannels : channels, k, k};
    }

    long[] strides(int conv) {
        int s = conv == 0 ? stride : 1;
        return new long[] {s, s};
    }

    long[] poolWindow() {
        return new long[] {poolKernel, poolKernel};
    }

    long[] poolStrides() {
        return new long[] {poolStride, poolStride};
    }

    long[] padding(int conv) {
        int p = conv == 0 ? padding : 0;
        return new long[] {p, p};
    }
}
