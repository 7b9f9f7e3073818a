package org.ninexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Opens datasets by name ("sample", "fashion-mnist", "mnist") or folder. */
public final class Datasets {

    public static final String SAMPLE = "sample";
    static final String SAMPLE_RESOURCES = "/org/ninexplorer/data/sample/";
    /** Fashion-MNIST and MNIST both have 60,000 training and 10,000 test images. */
    private static final int FULL_TRAIN_IMAGES = 60_000;

    private Datasets() {
    }

    /** The small real subset of Fashion-MNIST inside the app: works with no network and no data directory. */
    public static Dataset bundledSample() throws DatasetException {
        ByteImageSource train = readSampleSplit("train");
        ByteImageSource test = readSampleSplit("t10k");
        List<String> names = DatasetKind.FASHION_MNIST.classNames();
        String name = String.format(Locale.ROOT, "Fashion-MNIST (bundled sample: %,d train / %,d test)",
                train.size(), test.size());
        return new Dataset(name, true, names, train, test);
    }

    /**
     * How many training images a run over {@code spec} (null for a folder not yet chosen) with {@code limit}
     * ({@code <= 0}: none) uses, where that is known before the data is opened, for choosing a recipe: the bundled
     * sample's count or the 60,000 of Fashion-MNIST and MNIST, downloaded or not, cut to the limit; for a folder,
     * the limit; 0 when not known.
     */
    public static int knownTrainImages(String spec, int limit) {
        int size = spec == null ? 0
                : spec.equalsIgnoreCase(SAMPLE) ? sampleTrainImages()
                : DatasetKind.byName(spec).isPresent() ? FULL_TRAIN_IMAGES : 0;
        return limit > 0 && (size == 0 || limit < size) ? limit : size;
    }

    private static int sampleTrainImages() {
        String labels = SAMPLE_RESOURCES + "train-labels-idx1-ubyte.gz";
        try (InputStream in = resource(labels)) {
            return IdxReader.readLabels(in, labels).length;
        } catch (IOException | DatasetException e) {
            return 0; // bundledSample() says what is wrong when a run opens it
        }
    }

    private static ByteImageSource readSampleSplit(String prefix) throws DatasetException {
        String images = SAMPLE_RESOURCES + prefix + "-images-idx3-ubyte.gz";
        String labels = SAMPLE_RESOURCES + prefix + "-labels-idx1-ubyte.gz";
        IdxReader.Images pixels;
        byte[] classes;
        try (InputStream imageStream = resource(images); InputStream labelStream = resource(labels)) {
            pixels = IdxReader.readImages(imageStream, images);
            classes = IdxReader.readLabels(labelStream, labels);
        } catch (IOException e) {
            throw new DatasetException(e, DatasetException.Code.SAMPLE_UNREADABLE, images, String.valueOf(e.getMessage()));
        }
        return new ByteImageSource(pixels.pixels(), classes, 1, pixels.rows(), pixels.cols());
    }

    private static InputStream resource(String name) throws DatasetException {
        InputStream in = Datasets.class.getResourceAsStream(name);
        if (in == null) {
            throw new DatasetException(DatasetException.Code.SAMPLE_MISSING, name);
        }
        return in;
    }

    /**
     * Opens "sample", "fashion-mnist", "mnist" (from the data directory), or a folder: four IDX files, or one
     * sub-folder of images per class. A missing full dataset throws an exception that says what is expected where
     * and how to get it; see {@link #openOrDownload} to fetch it instead.
     */
    public static Dataset open(String nameOrDir, DataDirectory dir) throws DatasetException {
        if (nameOrDir.equalsIgnoreCase(SAMPLE)) {
            return bundledSample();
        }
        Optional<DatasetKind> kind = DatasetKind.byName(nameOrDir);
        if (kind.isPresent()) {
            return openKind(kind.get(), dir);
        }
        Path folder;
        try {
            folder = Path.of(nameOrDir);
        } catch (InvalidPathException e) {
            throw new DatasetException(e, DatasetException.Code.INVALID_FOLDER_NAME, nameOrDir, e.getReason());
        }
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(DatasetException.Code.NO_SUCH_DATASET, nameOrDir, SAMPLE, kindNames());
        }
        if (IdxFolder.holdsAny(folder)) {
            String label = String.valueOf(folder.toAbsolutePath().normalize().getFileName()).replace("%", "%%");
            return IdxFolder.load(folder, label + " (IDX folder: %,d train / %,d test)", null);
        }
        return ImageFolder.load(folder);
    }

    /** Like {@link #open}, but first downloads a missing Fashion-MNIST or MNIST. */
    public static Dataset openOrDownload(String nameOrDir, DataDirectory dir, Downloader downloader,
                                         ProgressListener listener, BooleanSupplier cancelled)
            throws DatasetException {
        Optional<DatasetKind> kind = DatasetKind.byName(nameOrDir);
        if (kind.isPresent() && !isPresent(kind.get(), dir)) {
            downloader.download(kind.get(), dir, listener, cancelled);
        }
        return open(nameOrDir, dir);
    }

    /** Whether all four files of a downloadable dataset are in the data directory. */
    public static boolean isPresent(DatasetKind kind, DataDirectory dir) {
        return IdxFolder.missing(dir.folder(kind)).isEmpty();
    }

    private static Dataset openKind(DatasetKind kind, DataDirectory dir) throws DatasetException {
        Path folder = dir.folder(kind);
        List<String> missing = IdxFolder.missing(folder);
        if (!missing.isEmpty()) {
            throw new DatasetException(DatasetException.Code.NOT_DOWNLOADED, kind.displayName(), folder.toString(),
                    String.join(", ", missing), kind.mirrors().get(0).toString(), DataDirectory.ENV_VARIABLE);
        }
        return IdxFolder.load(folder, kind.displayName() + " (%,d train / %,d test)", kind.classNames());
    }

    private static String kindNames() {
        return Arrays.stream(DatasetKind.values()).map(DatasetKind::folderName)
                .collect(Collectors.joining(", "));
    }
}
