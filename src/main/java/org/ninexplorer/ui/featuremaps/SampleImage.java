package org.ninexplorer.ui.featuremaps;

import org.ninexplorer.data.Resizer;

/**
 * One image in CHW floats in [0, 1], and its conversion to the network's input, done exactly as the
 * training batches are converted (see {@link Resizer}).
 */
public record SampleImage(float[] pixels, int channels, int height, int width) {

    /** Whether {@code other} is the same picture (a record compares its array by reference). */
    public boolean samePixels(SampleImage other) {
        return channels == other.channels && height == other.height && width == other.width
                && java.util.Arrays.equals(pixels, other.pixels);
    }

    public SampleImage to(int outChannels, int outHeight, int outWidth) {
        if (outChannels == channels && outHeight == height && outWidth == width) {
            return this;
        }
        return new SampleImage(Resizer.convert(pixels, channels, height, width, outChannels, outHeight, outWidth),
                outChannels, outHeight, outWidth);
    }
}
