package org.ninexplorer.data;

import java.util.Objects;

/** Images held as one unsigned byte per value (CHW, image after image): 47 MB for all of Fashion-MNIST's training set. */
final class ByteImageSource extends LabelledImages {

    /** value / 255f exactly, as torchvision's ToTensor, without a division per pixel. */
    private static final float[] SCALED = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            SCALED[i] = i / 255f;
        }
    }

    private final byte[] pixels;

    ByteImageSource(byte[] pixels, byte[] labels, int channels, int height, int width) {
        super(labels, channels, height, width);
        this.pixels = Objects.requireNonNull(pixels);
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException("pixel count does not match " + labels.length + " images of "
                    + channels + "x" + height + "x" + width);
        }
    }

    @Override
    public void pixels(int index, float[] dest) {
        int length = imageLength();
        int offset = Objects.checkIndex(index, labels.length) * length;
        for (int i = 0; i < length; i++) {
            dest[i] = SCALED[pixels[offset + i] & 0xFF];
        }
    }

    /** The raw bytes of one image, for writing the sample files. */
    byte[] rawPixels(int index) {
        int length = imageLength();
        byte[] out = new byte[length];
        System.arraycopy(pixels, Objects.checkIndex(index, labels.length) * length, out, 0, length);
        return out;
    }
}
