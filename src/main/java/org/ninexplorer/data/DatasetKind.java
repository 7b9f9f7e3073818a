package org.ninexplorer.data;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The two datasets the app can download: their folder, class names, files, checksums and mirrors. */
public enum DatasetKind {

    FASHION_MNIST("Fashion-MNIST", "fashion-mnist",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            // The MD5s published in zalandoresearch/fashion-mnist's README (of the .gz files as served).
            List.of(new RemoteFile("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
                    new RemoteFile("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"),
                    new RemoteFile("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"),
                    new RemoteFile("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310")),
            List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
                    URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"))),

    MNIST("MNIST", "mnist",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            List.of(new RemoteFile("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
                    new RemoteFile("train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432"),
                    new RemoteFile("t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3"),
                    new RemoteFile("t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c")),
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
                    URI.create("http://yann.lecun.com/exdb/mnist/")));

    private final String displayName;
    private final String folderName;
    private final List<String> classNames;
    private final List<RemoteFile> files;
    private final List<URI> mirrors;

    DatasetKind(String displayName, String folderName, List<String> classNames, List<RemoteFile> files,
                List<URI> mirrors) {
        this.displayName = displayName;
        this.folderName = folderName;
        this.classNames = classNames;
        this.files = files;
        this.mirrors = mirrors;
    }

    public String displayName() {
        return displayName;
    }

    /** Both the folder under the data directory and the name accepted by {@code --dataset}. */
    public String folderName() {
        return folderName;
    }

    public List<String> classNames() {
        return classNames;
    }

    public List<RemoteFile> files() {
        return files;
    }

    /** Base URLs, tried in order. */
    public List<URI> mirrors() {
        return mirrors;
    }

    public static Optional<DatasetKind> byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (DatasetKind kind : values()) {
            if (kind.folderName.equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
