package org.ninexplorer.data;

/** One split of labelled images, random access, immutable, thread-safe for reads. */
public interface ImageSource {

    int size();

    int channels();

    int height();

    int width();

    int label(int index);

    /** Writes pixels scaled to [0,1] in CHW order into dest (length channels*height*width). */
    void pixels(int index, float[] dest);

    /** A new array with one image's pixels in [0,1], CHW. */
    default float[] pixels(int index) {
        float[] dest = new float[imageLength()];
        pixels(index, dest);
        return dest;
    }

    /**
     * One image as the network sees it in training: converted to {@code channels} (1 or 3) and resized to
     * height x width exactly as {@link BatchIterator} does. For the feature-map view.
     */
    default float[] pixels(int index, int channels, int height, int width) {
        float[] dest = new float[channels * height * width];
        new Resizer(channels(), height(), width(), channels, height, width).apply(pixels(index), dest, 0);
        return dest;
    }

    /** Values per image: channels * height * width. */
    default int imageLength() {
        return channels() * height() * width();
    }
}
