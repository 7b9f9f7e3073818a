package org.ninexplorer.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files (optionally gzipped), including deliberately broken ones for the bad-input tests. */
final class IdxWriter {

    private IdxWriter() {
    }

    static byte[] images(int magic, int count, int rows, int cols, byte[] pixels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        out.write(pixels);
        return bytes.toByteArray();
    }

    static byte[] labels(int magic, int count, byte[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        out.write(labels);
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** A valid IDX folder of {@code count} train and {@code count} test images; pixel i of image n is (n+i)%256. */
    static void writeFolder(Path dir, int count, int rows, int cols, int classes, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        for (String prefix : new String[] {"train", "t10k"}) {
            byte[] pixels = new byte[count * rows * cols];
            byte[] labels = new byte[count];
            for (int n = 0; n < count; n++) {
                labels[n] = (byte) (n % classes);
                for (int i = 0; i < rows * cols; i++) {
                    pixels[n * rows * cols + i] = (byte) (n + i);
                }
            }
            String suffix = gzip ? ".gz" : "";
            byte[] imageFile = images(IdxReader.IMAGES_MAGIC, count, rows, cols, pixels);
            byte[] labelFile = labels(IdxReader.LABELS_MAGIC, count, labels);
            Files.write(dir.resolve(prefix + "-images-idx3-ubyte" + suffix), gzip ? gzip(imageFile) : imageFile);
            Files.write(dir.resolve(prefix + "-labels-idx1-ubyte" + suffix), gzip ? gzip(labelFile) : labelFile);
        }
    }
}
