package org.ninexplorer.data;

import org.ninexplorer.model.Limits;

/**
 * Converts one CHW image to another channel count and size. Resizing is bilinear with half-pixel centres, as
 * PyTorch's {@code interpolate(mode="bilinear", align_corners=False)} and torchvision's {@code Resize} when
 * enlarging (28 to 224); shrinking does not antialias. Gray to RGB repeats the plane; RGB to gray uses the ITU-R
 * 601 luma weights, as PIL's {@code convert("L")}. Holds a scratch buffer, so one instance per thread.
 */
public final class Resizer {

    private final int inChannels;
    private final int inH;
    private final int inW;
    private final int outChannels;
    private final int outH;
    private final int outW;
    private final Axis rows;
    private final Axis cols;
    private final float[] gray;
    private final float[] widened;

    Resizer(int inChannels, int inH, int inW, int outChannels, int outH, int outW) {
        checkChannels(inChannels, outChannels);
        this.inChannels = inChannels;
        this.inH = inH;
        this.inW = inW;
        this.outChannels = outChannels;
        this.outH = outH;
        this.outW = outW;
        this.rows = new Axis(inH, outH);
        this.cols = new Axis(inW, outW);
        this.gray = new float[inH * inW];
        this.widened = new float[inH * outW];
    }

    /** Converts one image, as training batches are converted: for a single sample such as a user's own image. */
    public static float[] convert(float[] src, int inChannels, int inH, int inW, int outChannels, int outH, int outW) {
        float[] dst = new float[outChannels * outH * outW];
        new Resizer(inChannels, inH, inW, outChannels, outH, outW).apply(src, dst, 0);
        return dst;
    }

    static void checkChannels(int inChannels, int outChannels) {
        if (!Limits.isInputChannels(inChannels) || !Limits.isInputChannels(outChannels)) {
            throw new IllegalArgumentException("only 1 (gray) or 3 (RGB) channels are supported, not "
                    + inChannels + " to " + outChannels);
        }
    }

    /** Reads {@code src} (inChannels*inH*inW) and writes outChannels*outH*outW values at {@code dst[offset]}. */
    void apply(float[] src, float[] dst, int offset) {
        int outPlane = outH * outW;
        if (inChannels == outChannels) {
            for (int c = 0; c < inChannels; c++) {
                resizePlane(src, c * inH * inW, dst, offset + c * outPlane);
            }
        } else if (inChannels == 1) {
            resizePlane(src, 0, dst, offset);
            System.arraycopy(dst, offset, dst, offset + outPlane, outPlane);
            System.arraycopy(dst, offset, dst, offset + 2 * outPlane, outPlane);
        } else {
            // Both steps are linear, so converting first gives the same result for a third of the work.
            int plane = inH * inW;
            for (int i = 0; i < plane; i++) {
                gray[i] = 0.299f * src[i] + 0.587f * src[plane + i] + 0.114f * src[2 * plane + i];
            }
            resizePlane(gray, 0, dst, offset);
        }
    }

    private void resizePlane(float[] src, int srcOffset, float[] dst, int dstOffset) {
        if (inH == outH && inW == outW) {
            System.arraycopy(src, srcOffset, dst, dstOffset, inH * inW);
            return;
        }
        // Separable: widen every source row once, then each output row blends two widened rows, a loop the JIT
        // vectorises. For 28 to 224 this is about four times faster than four-tap lookups per output pixel.
        for (int y = 0; y < inH; y++) {
            int row = srcOffset + y * inW;
            int out = y * outW;
            for (int x = 0; x < outW; x++) {
                float a = src[row + cols.low[x]];
                widened[out + x] = a + cols.weight[x] * (src[row + cols.high[x]] - a);
            }
        }
        for (int y = 0; y < outH; y++) {
            int top = rows.low[y] * outW;
            int bottom = rows.high[y] * outW;
            float wy = rows.weight[y];
            int out = dstOffset + y * outW;
            for (int x = 0; x < outW; x++) {
                float a = widened[top + x];
                dst[out + x] = a + wy * (widened[bottom + x] - a);
            }
        }
    }

    /** For each output coordinate: the two source coordinates and the weight of the second. */
    private static final class Axis {
        final int[] low;
        final int[] high;
        final float[] weight;

        Axis(int in, int out) {
            low = new int[out];
            high = new int[out];
            weight = new float[out];
            double scale = (double) in / out;
            for (int i = 0; i < out; i++) {
                // Half-pixel centres, clamped at 0 like PyTorch's area_pixel_compute_source_index.
                double source = Math.max(0.0, (i + 0.5) * scale - 0.5);
                int lo = Math.min((int) source, in - 1);
                low[i] = lo;
                high[i] = Math.min(lo + 1, in - 1);
                weight[i] = (float) (source - lo);
            }
        }
    }
}
