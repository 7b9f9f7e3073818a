package org.ninexplorer.data;

import java.util.Objects;

/** What every image source holds besides its pixels: one label per image and the images' size. */
abstract class LabelledImages implements ImageSource {

    protected final byte[] labels;
    protected final int channels;
    protected final int height;
    protected final int width;

    LabelledImages(byte[] labels, int channels, int height, int width) {
        this.labels = Objects.requireNonNull(labels);
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int label(int index) {
        return labels[Objects.checkIndex(index, labels.length)] & 0xFF;
    }
}
