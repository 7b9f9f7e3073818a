package org.ninexplorer.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.ninexplorer.model.Coded;

/**
 * A split of image files read at one size: each image is decoded the first time it is read, straight at
 * channels x height x width, and then kept as bytes. {@link #at} gives the same files at another size (the
 * network's input), so only the images a run uses are ever decoded, and only at the size it needs.
 */
final class ImageFileSource extends LabelledImages {

    private final List<Path> files;
    private final AtomicReferenceArray<byte[]> decoded;

    ImageFileSource(List<Path> files, byte[] labels, int channels, int height, int width) {
        super(labels.clone(), channels, height, width);
        if (files.size() != labels.length) {
            throw new IllegalArgumentException(files.size() + " files but " + labels.length + " labels");
        }
        Resizer.checkChannels(channels, channels);
        this.files = List.copyOf(files);
        this.decoded = new AtomicReferenceArray<>(files.size());
    }

    @Override
    public ImageSource at(int toChannels, int toHeight, int toWidth) {
        return toChannels == channels && toHeight == height && toWidth == width ? this
                : new ImageFileSource(files, labels, toChannels, toHeight, toWidth);
    }

    @Override
    public void pixels(int index, float[] dest) {
        byte[] bytes = decoded.get(Objects.checkIndex(index, labels.length));
        if (bytes == null) {
            // Two threads may both decode one image; the results are equal, and either is kept.
            bytes = decode(index, channels, height, width);
            decoded.set(index, bytes);
        }
        for (int i = 0; i < bytes.length; i++) {
            dest[i] = (bytes[i] & 0xFF) / 255f;
        }
    }

    /** One image at another size, decoded for this call only (the feature-map view's single sample). */
    @Override
    public float[] pixels(int index, int toChannels, int toHeight, int toWidth) {
        float[] dest = new float[toChannels * toHeight * toWidth];
        at(toChannels, toHeight, toWidth).pixels(index, dest);
        return dest;
    }

    @Override
    public long bytesHeld(int toChannels, int toHeight, int toWidth, int images) {
        return (long) images * ((long) toChannels * toHeight * toWidth + 16) + labels.length;
    }

    private byte[] decode(int index, int toChannels, int toHeight, int toWidth) {
        try {
            return ImageFile.read(files.get(index), toChannels, toHeight, toWidth);
        } catch (DatasetException e) {
            throw new UnreadableImageException(e);
        }
    }

    /** A file that could be listed but not decoded, met while batches are built: its {@link DatasetException}. */
    static final class UnreadableImageException extends RuntimeException implements Coded {
        private final DatasetException cause;

        UnreadableImageException(DatasetException cause) {
            super(cause.getMessage(), cause);
            this.cause = cause;
        }

        @Override
        public String key() {
            return cause.key();
        }

        @Override
        public List<Object> args() {
            return cause.args();
        }
    }
}
