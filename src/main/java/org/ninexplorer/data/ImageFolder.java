package org.ninexplorer.data;

import javax.imageio.ImageIO;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A user's own images: one sub-folder per class of PNG/JPEG files, either split reproducibly 80/20 per class or
 * already split into {@code train/} and {@code test/} folders. Images are decoded up front (sized for a few
 * thousand); grayscale stays one channel, and if any image is in colour all become RGB.
 */
final class ImageFolder {

    /** Fixed so the same folder always gives the same split. */
    static final long SPLIT_SEED = 20240601L;
    static final double TEST_FRACTION = 0.2;
    /** Labels are stored in one byte. */
    static final int MAX_CLASSES = 256;

    private ImageFolder() {
    }

    static Dataset load(Path dir) throws DatasetException {
        Path trainDir = dir.resolve("train");
        Path testDir = dir.resolve("test");
        List<String> classNames;
        List<Labelled> train;
        List<Labelled> test;
        if (Files.isDirectory(trainDir) && Files.isDirectory(testDir)) {
            classNames = classNames(trainDir);
            List<String> testClasses = classNames(testDir);
            if (!classNames.containsAll(testClasses)) {
                List<String> extra = new ArrayList<>(testClasses);
                extra.removeAll(classNames);
                throw new DatasetException(testDir + ": class folder(s) " + extra + " have no counterpart in "
                        + trainDir);
            }
            train = listAll(trainDir, classNames, classNames);
            test = listAll(testDir, testClasses, classNames);
        } else {
            classNames = classNames(dir);
            train = new ArrayList<>();
            test = new ArrayList<>();
            for (int label = 0; label < classNames.size(); label++) {
                List<Path> files = imageFiles(dir.resolve(classNames.get(label)));
                Collections.shuffle(files, new Random(SPLIT_SEED + label));
                int testCount = (int) Math.round(files.size() * TEST_FRACTION);
                for (int i = 0; i < files.size(); i++) {
                    (i < testCount ? test : train).add(new Labelled(files.get(i), label));
                }
            }
        }
        List<Decoded> trainImages = decodeAll(train);
        List<Decoded> testImages = decodeAll(test);
        checkSameSize(trainImages, testImages);
        boolean color = Stream.concat(trainImages.stream(), testImages.stream()).anyMatch(Decoded::color);
        int channels = color ? 3 : 1;
        String name = dir.getFileName() + " (image folder: " + String.format(Locale.ROOT, "%,d train / %,d test)",
                train.size(), test.size());
        Decoded first = trainImages.get(0);
        return new Dataset(name, false, classNames, toSource(trainImages, channels, first.height(), first.width()),
                toSource(testImages, channels, first.height(), first.width()));
    }

    private record Labelled(Path file, int label) {
    }

    /** One decoded image: gray (one byte per pixel) or RGB (three planes, CHW). */
    private record Decoded(Path file, int label, int width, int height, boolean color, byte[] values) {
    }

    private static List<String> classNames(Path dir) throws DatasetException {
        List<String> names = subfolders(dir).stream().map(p -> p.getFileName().toString()).sorted().toList();
        if (names.isEmpty()) {
            throw new DatasetException(dir + ": no class folders; an image dataset folder holds one sub-folder "
                    + "per class of PNG/JPEG images (optionally inside train/ and test/ folders)");
        }
        if (names.size() > MAX_CLASSES) {
            throw new DatasetException(dir + ": " + names.size() + " class folders; at most " + MAX_CLASSES
                    + " classes are supported");
        }
        return names;
    }

    private static List<Path> subfolders(Path dir) throws DatasetException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(dir + ": cannot list folder: " + e.getMessage(), e);
        }
    }

    private static List<Labelled> listAll(Path splitDir, List<String> present, List<String> classNames)
            throws DatasetException {
        List<Labelled> all = new ArrayList<>();
        for (String name : present) {
            for (Path file : imageFiles(splitDir.resolve(name))) {
                all.add(new Labelled(file, classNames.indexOf(name)));
            }
        }
        return all;
    }

    /** The PNG/JPEG files of one class folder, sorted by name; other files are ignored. */
    private static List<Path> imageFiles(Path classDir) throws DatasetException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(classDir)) {
            files = entries.filter(Files::isRegularFile).filter(ImageFolder::isImageName).sorted()
                    .collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
        } catch (IOException e) {
            throw new DatasetException(classDir + ": cannot list folder: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new DatasetException(classDir + ": empty class folder; it holds no PNG or JPEG images");
        }
        return files;
    }

    private static boolean isImageName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }

    private static List<Decoded> decodeAll(List<Labelled> files) throws DatasetException {
        Decoded[] decoded = new Decoded[files.size()];
        DatasetException[] failure = new DatasetException[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                decoded[i] = decode(files.get(i));
            } catch (DatasetException e) {
                failure[i] = e;
            }
        });
        for (DatasetException e : failure) {
            if (e != null) {
                throw e; // the first in file order, so the message does not depend on thread timing
            }
        }
        return List.of(decoded);
    }

    private static Decoded decode(Labelled entry) throws DatasetException {
        BufferedImage image;
        try {
            image = ImageIO.read(entry.file().toFile());
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(entry.file() + ": unreadable image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new DatasetException(entry.file() + ": unreadable image (not a PNG or JPEG file ImageIO can decode)");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        // Gray with alpha counts as gray too: band 0 holds the gray value and the alpha band is dropped.
        if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            Raster raster = image.getRaster();
            int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            int shift = Math.max(0, raster.getSampleModel().getSampleSize(0) - 8);
            byte[] values = new byte[w * h];
            for (int i = 0; i < values.length; i++) {
                values[i] = (byte) (samples[i] >>> shift);
            }
            return new Decoded(entry.file(), entry.label(), w, h, false, values);
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        int plane = w * h;
        byte[] values = new byte[3 * plane];
        for (int i = 0; i < plane; i++) {
            values[i] = (byte) (argb[i] >>> 16);
            values[plane + i] = (byte) (argb[i] >>> 8);
            values[2 * plane + i] = (byte) argb[i];
        }
        return new Decoded(entry.file(), entry.label(), w, h, true, values);
    }

    private static void checkSameSize(List<Decoded> train, List<Decoded> test) throws DatasetException {
        Decoded first = train.get(0); // every class keeps at least one training image
        for (Decoded d : (Iterable<Decoded>) Stream.concat(train.stream(), test.stream())::iterator) {
            if (d.width() != first.width() || d.height() != first.height()) {
                throw new DatasetException("images differ in size: " + first.file() + " is " + first.width() + "x"
                        + first.height() + " but " + d.file() + " is " + d.width() + "x" + d.height()
                        + "; resize them all to one size first");
            }
        }
    }

    private static ImageSource toSource(List<Decoded> images, int channels, int h, int w) {
        int plane = h * w;
        int length = channels * plane;
        byte[] pixels = new byte[images.size() * length];
        byte[] labels = new byte[images.size()];
        for (int i = 0; i < images.size(); i++) {
            Decoded d = images.get(i);
            labels[i] = (byte) d.label();
            for (int c = 0; c < channels; c++) {
                // A gray image in a colour dataset repeats its plane in R, G and B.
                System.arraycopy(d.values(), d.color() ? c * plane : 0, pixels, i * length + c * plane, plane);
            }
        }
        return new ByteImageSource(pixels, labels, channels, h, w);
    }
}
