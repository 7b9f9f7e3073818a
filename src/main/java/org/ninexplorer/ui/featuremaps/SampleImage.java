package org.ninexplorer.ui.featuremaps;

/**
 * One image in CHW floats in [0, 1], and its conversion to the network's input: bilinear resize with
 * half-pixel centres (as torchvision's Resize when enlarging), grey ↔ RGB by repeating or averaging planes.
 */
public record SampleImage(float[] pixels, int channels, int height, int width) {

    public SampleImage to(int outChannels, int outHeight, int outWidth) {
        if (outChannels == channels && outHeight == height && outWidth == width) {
            return this;
        }
        int plane = height * width;
        float[][] planes = new float[outChannels][];
        for (int c = 0; c < outChannels; c++) {
            float[] src = new float[plane];
            if (channels == outChannels) {
                System.arraycopy(pixels, c * plane, src, 0, plane);
            } else {
                for (int i = 0; i < plane; i++) {
                    float sum = 0;
                    for (int k = 0; k < channels; k++) {
                        sum += pixels[k * plane + i];
                    }
                    src[i] = sum / channels;
                }
            }
            planes[c] = resize(src, height, width, outHeight, outWidth);
        }
        float[] out = new float[outChannels * outHeight * outWidth];
        for (int c = 0; c < outChannels; c++) {
            System.arraycopy(planes[c], 0, out, c * outHeight * outWidth, outHeight * outWidth);
        }
        return new SampleImage(out, outChannels, outHeight, outWidth);
    }

    private static float[] resize(float[] src, int inH, int inW, int outH, int outW) {
        float[] dst = new float[outH * outW];
        for (int y = 0; y < outH; y++) {
            double sy = Math.max(0, (y + 0.5) * inH / outH - 0.5);
            int y0 = Math.min((int) sy, inH - 1);
            int y1 = Math.min(y0 + 1, inH - 1);
            double wy = sy - y0;
            for (int x = 0; x < outW; x++) {
                double sx = Math.max(0, (x + 0.5) * inW / outW - 0.5);
                int x0 = Math.min((int) sx, inW - 1);
                int x1 = Math.min(x0 + 1, inW - 1);
                double wx = sx - x0;
                double top = src[y0 * inW + x0] + wx * (src[y0 * inW + x1] - src[y0 * inW + x0]);
                double bottom = src[y1 * inW + x0] + wx * (src[y1 * inW + x1] - src[y1 * inW + x0]);
                dst[y * outW + x] = (float) (top + wy * (bottom - top));
            }
        }
        return dst;
    }
}
