package org.ninexplorer.ui.training;

import java.util.Optional;
import org.ninexplorer.data.DatasetKind;
import org.ninexplorer.data.Datasets;

/** The datasets offered in the dashboard; a folder is chosen separately. */
public enum DatasetChoice {
    SAMPLE("Bundled sample (8,000 / 1,000)", Datasets.SAMPLE),
    FASHION_MNIST("Fashion-MNIST (60,000 / 10,000)", "fashion-mnist"),
    MNIST("MNIST digits (60,000 / 10,000)", "mnist"),
    FOLDER("A folder…", null);

    private final String label;
    private final String spec;

    DatasetChoice(String label, String spec) {
        this.label = label;
        this.spec = spec;
    }

    /** What {@code Datasets.open} accepts; null for a folder, whose path is the spec. */
    public String spec() {
        return spec;
    }

    public Optional<DatasetKind> downloadable() {
        return spec == null ? Optional.empty() : DatasetKind.byName(spec);
    }

    @Override
    public String toString() {
        return label;
    }
}
