package org.ninexplorer.data;

import org.ninexplorer.model.Limits;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format), plain or gzip-compressed (recognised by content, not name), checking every
 * header field against the data so that a bad file gives one message naming it instead of garbage or a hang.
 */
final class IdxReader {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    /** Larger sides are surely a corrupt header; this also keeps the size arithmetic far from overflow. */
    private static final int MAX_SIDE = Limits.MAX_SIDE;
    private static final int BUFFER = 1 << 16;
    private static final int INITIAL_BODY = 1 << 24;

    private IdxReader() {
    }

    /** Unsigned 8-bit grayscale images, one byte per pixel. */
    record Images(int count, int rows, int cols, byte[] pixels) {
    }

    /** Reads and cross-checks an image file and its label file; {@code classes <= 0} means "not known". */
    static ByteImageSource read(Path imageFile, Path labelFile, int classes) throws DatasetException {
        Images images = readImages(imageFile);
        byte[] labels = readLabels(labelFile);
        if (labels.length != images.count()) {
            throw new DatasetException(labelFile + ": holds " + labels.length + " labels but " + imageFile
                    + " holds " + images.count() + " images; they must match one to one");
        }
        if (classes > 0) {
            checkLabelRange(labelFile, labels, classes);
        }
        return new ByteImageSource(images.pixels(), labels, 1, images.rows(), images.cols());
    }

    static void checkLabelRange(Path labelFile, byte[] labels, int classes) throws DatasetException {
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= classes) {
                throw new DatasetException(labelFile + ": label " + label + " at index " + i
                        + " is out of range; this dataset has " + classes + " classes (labels 0 to " + (classes - 1) + ")");
            }
        }
    }

    static Images readImages(Path file) throws DatasetException {
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(in, file.toString());
        } catch (IOException e) {
            throw failure(file.toString(), e);
        }
    }

    static byte[] readLabels(Path file) throws DatasetException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.toString());
        } catch (IOException e) {
            throw failure(file.toString(), e);
        }
    }

    /** Reads an image file from a stream; {@code file} names it in messages. */
    static Images readImages(InputStream stream, String file) throws DatasetException {
        try (DataInputStream in = open(stream)) {
            int magic = readHeaderInt(in, file);
            checkMagic(file, magic, IMAGES_MAGIC, "image");
            int count = readHeaderInt(in, file);
            int rows = readHeaderInt(in, file);
            int cols = readHeaderInt(in, file);
            if (count < 1 || rows < 1 || cols < 1 || rows > MAX_SIDE || cols > MAX_SIDE) {
                throw new DatasetException(file + ": implausible header (" + count + " images of " + rows + "x"
                        + cols + "); the file is corrupt or not an IDX image file");
            }
            long expected = (long) count * rows * cols;
            if (expected > Integer.MAX_VALUE - 16) {
                throw new DatasetException(file + ": header says " + count + " images of " + rows + "x" + cols
                        + " (" + expected + " bytes), more than one file can hold; the header is corrupt");
            }
            byte[] pixels = readBody(in, file, (int) expected, count + " images of " + rows + "x" + cols);
            return new Images(count, rows, cols, pixels);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    static byte[] readLabels(InputStream stream, String file) throws DatasetException {
        try (DataInputStream in = open(stream)) {
            int magic = readHeaderInt(in, file);
            checkMagic(file, magic, LABELS_MAGIC, "label");
            int count = readHeaderInt(in, file);
            if (count < 1) {
                throw new DatasetException(file + ": implausible header (" + count
                        + " labels); the file is corrupt or not an IDX label file");
            }
            return readBody(in, file, count, count + " labels");
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static DataInputStream open(InputStream stream) throws IOException {
        InputStream raw = new BufferedInputStream(stream, BUFFER);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER) : raw);
    }

    private static int readHeaderInt(DataInputStream in, String file) throws IOException, DatasetException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new DatasetException(file + ": truncated: the file ends inside its header");
        }
    }

    private static void checkMagic(String file, int magic, int wanted, String kind) throws DatasetException {
        if (magic != wanted) {
            throw new DatasetException(String.format("%s: wrong magic number 0x%08X; an IDX %s file starts with "
                    + "0x%08X", file, magic, kind, wanted));
        }
    }

    private static byte[] readBody(DataInputStream in, String file, int length, String what)
            throws IOException, DatasetException {
        // Grown as data arrives, so a corrupt header claiming gigabytes fails as truncated, not out of memory.
        byte[] body = new byte[Math.min(length, INITIAL_BODY)];
        int done = 0;
        while (done < length) {
            if (done == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
            }
            int n = in.read(body, done, body.length - done);
            if (n < 0) {
                throw new DatasetException(file + ": truncated: the header says " + what + " (" + length
                        + " bytes of data) but the file holds only " + done);
            }
            done += n;
        }
        if (in.read() >= 0) {
            throw new DatasetException(file + ": the header says " + what + " (" + length
                    + " bytes of data) but the file holds more; the header count disagrees with the file length");
        }
        return body;
    }

    private static DatasetException failure(String file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DatasetException(file + ": no such file", e);
        }
        if (e instanceof EOFException) {
            return new DatasetException(file + ": truncated: the compressed data ends early", e);
        }
        if (e instanceof ZipException) {
            return new DatasetException(file + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
        return new DatasetException(file + ": cannot read: " + e.getMessage(), e);
    }
}
