package org.ninexplorer.data;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Reads one PNG or JPEG file: its header alone, or its pixels scaled to a given size. Large images are
 * subsampled while they are decoded (to no less than twice the wanted size, then resized bilinearly), so a
 * 4000x3000 photo never sits in memory at full size.
 */
final class ImageFile {

    private ImageFile() {
    }

    /** What the header says: the size, and whether the pixels are in colour (grayscale with alpha counts as gray). */
    record Header(int width, int height, boolean color) {
    }

    interface Reading<T> {
        T read(ImageReader reader) throws IOException;
    }

    static Header header(Path file) throws DatasetException {
        return withReader(file, reader -> {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            boolean gray = types.hasNext()
                    && types.next().getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
            return new Header(reader.getWidth(0), reader.getHeight(0), !gray);
        });
    }

    /**
     * The image as bytes, CHW, converted to {@code channels} (1 or 3) and resized to height x width exactly as
     * {@link Resizer} does (gray repeated into R, G and B; colour to gray by luma).
     */
    static byte[] read(Path file, int channels, int height, int width) throws DatasetException {
        BufferedImage image = withReader(file, reader -> {
            int step = Math.max(1, Math.min(reader.getWidth(0) / (2 * width), reader.getHeight(0) / (2 * height)));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        });
        boolean gray = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        float[] values = gray ? grayValues(image) : rgbValues(image);
        int inChannels = gray ? 1 : 3;
        float[] resized = new float[channels * height * width];
        new Resizer(inChannels, image.getHeight(), image.getWidth(), channels, height, width).apply(values, resized, 0);
        byte[] bytes = new byte[resized.length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Math.round(resized[i] * 255f);
        }
        return bytes;
    }

    private static float[] grayValues(BufferedImage image) {
        Raster raster = image.getRaster();
        int[] samples = raster.getSamples(0, 0, image.getWidth(), image.getHeight(), 0, (int[]) null);
        int shift = Math.max(0, raster.getSampleModel().getSampleSize(0) - 8);
        float[] values = new float[samples.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (samples[i] >>> shift) / 255f;
        }
        return values;
    }

    private static float[] rgbValues(BufferedImage image) {
        int w = image.getWidth();
        int plane = w * image.getHeight();
        int[] argb = image.getRGB(0, 0, w, image.getHeight(), null, 0, w);
        float[] values = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            values[i] = ((argb[i] >>> 16) & 0xFF) / 255f;
            values[plane + i] = ((argb[i] >>> 8) & 0xFF) / 255f;
            values[2 * plane + i] = (argb[i] & 0xFF) / 255f;
        }
        return values;
    }

    private static <T> T withReader(Path file, Reading<T> reading) throws DatasetException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DatasetException(DatasetException.Code.NOT_AN_IMAGE, file.toString());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return reading.read(reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(e, DatasetException.Code.UNREADABLE_IMAGE, file.toString(), String.valueOf(e.getMessage()));
        }
    }
}
