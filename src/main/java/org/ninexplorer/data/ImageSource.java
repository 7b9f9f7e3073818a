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

    /** Values per image: channels * height * width. */
    default int imageLength() {
        return channels() * height() * width();
    }
}
