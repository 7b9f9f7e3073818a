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

    /**
     * This split as it will be read at channels x height x width. Images already in memory stay as they are
     * (the {@link BatchIterator} converts each batch); image files are decoded straight at that size.
     */
    default ImageSource at(int channels, int height, int width) {
        return this;
    }

    /**
     * The heap bytes this split takes while {@code images} of it are read at channels x height x width: an
     * in-memory split holds all of itself at its own size whatever is read, so that is the default.
     */
    default long bytesHeld(int channels, int height, int width, int images) {
        return (long) size() * (imageLength() + 1);
    }

    /** Values per image: channels * height * width. */
    default int imageLength() {
        return channels() * height() * width();
    }
}
