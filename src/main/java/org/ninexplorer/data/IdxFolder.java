package org.ninexplorer.data;

import org.ninexplorer.model.Limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A folder holding the four standard IDX files, plain or .gz, and optionally a classes.txt of class names. */
final class IdxFolder {

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    static final String CLASS_NAMES_FILE = "classes.txt";

    private IdxFolder() {
    }

    /** The file for a standard name: as is, .gz, or with the common '.' spelling ("train-images.idx3-ubyte"). */
    static Optional<Path> find(Path dir, String name) {
        String dotted = name.replace("-idx", ".idx");
        for (String candidate : List.of(name, name + ".gz", dotted, dotted + ".gz")) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    static boolean holdsAny(Path dir) {
        return FILES.stream().anyMatch(name -> find(dir, name).isPresent());
    }

    static List<String> missing(Path dir) {
        List<String> missing = new ArrayList<>();
        for (String name : FILES) {
            if (find(dir, name).isEmpty()) {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * Loads both splits; with {@code classNames} null the names come from classes.txt or are "class 0"...
     * {@code nameFormat} gets the train and test counts, e.g. "MNIST (%,d train / %,d test)".
     */
    static Dataset load(Path dir, String nameFormat, List<String> classNames) throws DatasetException {
        List<String> missing = missing(dir);
        if (!missing.isEmpty()) {
            throw new DatasetException(DatasetException.Code.MISSING_IDX_FILES, dir.toString(), String.join(", ", missing),
                    String.join(", ", FILES));
        }
        List<String> names = classNames != null ? classNames : readClassNames(dir);
        int classes = names == null ? 0 : names.size();
        Path trainLabels = find(dir, TRAIN_LABELS).orElseThrow();
        Path testLabels = find(dir, TEST_LABELS).orElseThrow();
        ByteImageSource train = IdxReader.read(find(dir, TRAIN_IMAGES).orElseThrow(), trainLabels, classes);
        ByteImageSource test = IdxReader.read(find(dir, TEST_IMAGES).orElseThrow(), testLabels, classes);
        if (train.height() != test.height() || train.width() != test.width()) {
            throw new DatasetException(DatasetException.Code.SPLITS_DIFFER, dir.toString(), String.valueOf(train.height()),
                    String.valueOf(train.width()), String.valueOf(test.height()), String.valueOf(test.width()));
        }
        if (names == null) {
            int count = classCount(dir, train, test);
            names = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                names.add("class " + i);
            }
        }
        String name = String.format(Locale.ROOT, nameFormat, train.size(), test.size());
        return new Dataset(name, false, names, train, test);
    }

    private static List<String> readClassNames(Path dir) throws DatasetException {
        Path file = dir.resolve(CLASS_NAMES_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            List<String> names = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (names.isEmpty()) {
                throw new DatasetException(DatasetException.Code.NO_CLASS_NAMES, file.toString());
            }
            return names;
        } catch (IOException e) {
            throw new DatasetException(e, DatasetException.Code.UNREADABLE, file.toString(), String.valueOf(e.getMessage()));
        }
    }

    /**
     * Without class names, the classes are the labels 0 to N-1, each present. A label past a gap (42 among 0 to
     * 9) is a stray, named as such rather than taken for 43 classes.
     */
    private static int classCount(Path dir, ImageSource train, ImageSource test) throws DatasetException {
        int[] counts = new int[Limits.MAX_DATASET_CLASSES];
        for (ImageSource split : List.of(train, test)) {
            for (int i = 0; i < split.size(); i++) {
                counts[split.label(i)]++;
            }
        }
        int classes = 0;
        while (classes < counts.length && counts[classes] > 0) {
            classes++;
        }
        for (int label = classes; label < counts.length; label++) {
            if (counts[label] > 0) {
                throw new DatasetException(DatasetException.Code.STRAY_LABEL, dir.toString(), String.valueOf(label), counts[label],
                        String.valueOf(classes - 1), String.valueOf(classes), CLASS_NAMES_FILE);
            }
        }
        return classes;
    }
}
