package org.ninexplorer.model;

/**
 * The shape of one sample's activation: a channels × height × width map, or a flat vector of {@code channels}
 * numbers ({@code flat}, height = width = 1), as a dense layer and the class scores produce.
 */
public record Shape(int channels, int height, int width, boolean flat) {

    public Shape(int channels, int height, int width) {
        this(channels, height, width, false);
    }

    /** A vector of {@code length} numbers. */
    public static Shape flat(int length) {
        return new Shape(length, 1, 1, true);
    }

    public long elements() {
        return (long) channels * height * width;
    }

    /** The batch-of-one form used by the CLI and the reference: {@code [1, C, H, W]}, or {@code [1, N]} when flat. */
    public String batchOfOne() {
        return flat ? "[1, " + channels + "]" : "[1, " + channels + ", " + height + ", " + width + "]";
    }

    /** The form shown on layer cards: {@code C×H×W}, or the length of a flat vector. */
    @Override
    public String toString() {
        return flat ? String.valueOf(channels) : channels + "×" + height + "×" + width;
    }
}
