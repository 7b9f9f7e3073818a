package org.ninexplorer.data;

import org.ninexplorer.model.Limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A user's own images: one sub-folder per class of PNG/JPEG files, either split reproducibly 80/20 per class or
 * already split into {@code train/} and {@code test/} folders. Opening reads only each file's header; an image is
 * decoded when first read, scaled to the size it is read at, so a folder of large photos takes memory for the
 * images used at the network's input size only. Images of other sizes are resized; grayscale stays one channel,
 * and if any image is in colour all become RGB.
 */
final class ImageFolder {

    /** Fixed so the same folder always gives the same split. */
    static final long SPLIT_SEED = 20240601L;
    static final double TEST_FRACTION = 0.2;
    static final int MAX_CLASSES = Limits.MAX_DATASET_CLASSES;
    /**
     * The size a split reports is the first image's, shrunk to this longer side: nothing is decoded at that size
     * unless asked for, since training reads each image straight at the network's input (see {@link ImageSource#at}).
     */
    static final int MAX_NATIVE_SIDE = 512;

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
                throw new DatasetException(DatasetException.Code.UNMATCHED_CLASSES, testDir.toString(), extra.toString(),
                        trainDir.toString());
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
        List<ImageFile.Header> headers = new ArrayList<>();
        for (Labelled entry : (Iterable<Labelled>) Stream.concat(train.stream(), test.stream())::iterator) {
            headers.add(ImageFile.header(entry.file()));
        }
        int channels = headers.stream().anyMatch(ImageFile.Header::color) ? 3 : 1;
        ImageFile.Header first = headers.get(0); // every class keeps at least one training image
        double scale = Math.min(1.0, (double) MAX_NATIVE_SIDE / Math.max(first.width(), first.height()));
        int height = Math.max(1, (int) Math.round(first.height() * scale));
        int width = Math.max(1, (int) Math.round(first.width() * scale));
        String name = dir.getFileName() + " (image folder: " + String.format(Locale.ROOT, "%,d train / %,d test)",
                train.size(), test.size());
        return new Dataset(name, false, classNames, source(train, channels, height, width),
                source(test, channels, height, width));
    }

    private static ImageFileSource source(List<Labelled> entries, int channels, int height, int width) {
        List<Path> files = entries.stream().map(Labelled::file).toList();
        byte[] labels = new byte[entries.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) entries.get(i).label();
        }
        return new ImageFileSource(files, labels, channels, height, width);
    }

    private record Labelled(Path file, int label) {
    }

    private static List<String> classNames(Path dir) throws DatasetException {
        List<String> names = subfolders(dir).stream().map(p -> p.getFileName().toString()).sorted().toList();
        if (names.isEmpty()) {
            throw new DatasetException(DatasetException.Code.NO_CLASS_FOLDERS, dir.toString());
        }
        if (names.size() > MAX_CLASSES) {
            throw new DatasetException(DatasetException.Code.TOO_MANY_CLASSES, dir.toString(), String.valueOf(names.size()),
                    String.valueOf(MAX_CLASSES));
        }
        return names;
    }

    private static List<Path> subfolders(Path dir) throws DatasetException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(e, DatasetException.Code.NOT_LISTED, dir.toString(), String.valueOf(e.getMessage()));
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
            throw new DatasetException(e, DatasetException.Code.NOT_LISTED, classDir.toString(), String.valueOf(e.getMessage()));
        }
        if (files.isEmpty()) {
            throw new DatasetException(DatasetException.Code.EMPTY_CLASS_FOLDER, classDir.toString());
        }
        return files;
    }

    private static boolean isImageName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }
}
