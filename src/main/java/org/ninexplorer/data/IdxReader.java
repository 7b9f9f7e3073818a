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
            throw new DatasetException(DatasetException.Code.LABEL_COUNT_MISMATCH, labelFile.toString(), String.valueOf(labels.length),
                    imageFile.toString(), String.valueOf(images.count()));
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
                throw new DatasetException(DatasetException.Code.LABEL_OUT_OF_RANGE, labelFile.toString(), String.valueOf(label),
                        String.valueOf(i), String.valueOf(classes), String.valueOf(classes - 1));
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
            checkMagic(file, magic, IMAGES_MAGIC, DatasetException.Code.WRONG_IMAGE_MAGIC);
            int count = readHeaderInt(in, file);
            int rows = readHeaderInt(in, file);
            int cols = readHeaderInt(in, file);
            if (count < 1 || rows < 1 || cols < 1 || rows > MAX_SIDE || cols > MAX_SIDE) {
                throw new DatasetException(DatasetException.Code.IMPLAUSIBLE_IMAGE_HEADER, file, String.valueOf(count),
                        String.valueOf(rows), String.valueOf(cols));
            }
            long expected = (long) count * rows * cols;
            if (expected > Integer.MAX_VALUE - 16) {
                throw new DatasetException(DatasetException.Code.HEADER_TOO_LARGE, file, String.valueOf(count), String.valueOf(rows),
                        String.valueOf(cols), String.valueOf(expected));
            }
            byte[] pixels = readBody(in, file, (int) expected, DatasetException.Part.of(DatasetException.Code.IMAGES,
                    String.valueOf(count), String.valueOf(rows), String.valueOf(cols)));
            return new Images(count, rows, cols, pixels);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    static byte[] readLabels(InputStream stream, String file) throws DatasetException {
        try (DataInputStream in = open(stream)) {
            int magic = readHeaderInt(in, file);
            checkMagic(file, magic, LABELS_MAGIC, DatasetException.Code.WRONG_LABEL_MAGIC);
            int count = readHeaderInt(in, file);
            if (count < 1) {
                throw new DatasetException(DatasetException.Code.IMPLAUSIBLE_LABEL_HEADER, file, String.valueOf(count));
            }
            return readBody(in, file, count, DatasetException.Part.of(DatasetException.Code.LABELS, String.valueOf(count)));
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
            throw new DatasetException(DatasetException.Code.TRUNCATED_HEADER, file);
        }
    }

    private static void checkMagic(String file, int magic, int wanted, DatasetException.Code wrong)
            throws DatasetException {
        if (magic != wanted) {
            throw new DatasetException(wrong, file, String.format("0x%08X", magic), String.format("0x%08X", wanted));
        }
    }

    private static byte[] readBody(DataInputStream in, String file, int length, DatasetException.Part what)
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
                throw new DatasetException(DatasetException.Code.TRUNCATED_BODY, file, what, String.valueOf(length),
                        String.valueOf(done));
            }
            done += n;
        }
        if (in.read() >= 0) {
            throw new DatasetException(DatasetException.Code.TRAILING_BODY, file, what, String.valueOf(length));
        }
        return body;
    }

    private static DatasetException failure(String file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DatasetException(e, DatasetException.Code.NO_SUCH_FILE, file);
        }
        if (e instanceof EOFException) {
            return new DatasetException(e, DatasetException.Code.TRUNCATED_GZIP, file);
        }
        if (e instanceof ZipException) {
            return new DatasetException(e, DatasetException.Code.CORRUPT_GZIP, file, String.valueOf(e.getMessage()));
        }
        return new DatasetException(e, DatasetException.Code.UNREADABLE, file, String.valueOf(e.getMessage()));
    }
}
