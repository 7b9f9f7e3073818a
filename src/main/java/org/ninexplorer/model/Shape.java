package org.ninexplorer.model;

/** The shape of one sample's activation, channels × height × width (height = width = 1 for scores). */
public record Shape(int channels, int height, int width) {

    public long elements() {
        return (long) channels * height * width;
    }

    /** The batch-of-one form used by the CLI and the reference: {@code [1, C, H, W]}. */
    public String batchOfOne() {
        return "[1, " + channels + ", " + height + ", " + width + "]";
    }

    /** The form shown on layer cards: {@code C×H×W}. */
    @Override
    public String toString() {
        return channels + "×" + height + "×" + width;
    }
}
