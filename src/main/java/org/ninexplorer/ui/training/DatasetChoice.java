package org.ninexplorer.ui.training;

import java.util.Optional;
import org.ninexplorer.data.DatasetKind;
import org.ninexplorer.data.Datasets;
import org.ninexplorer.ui.common.Messages;

/** The datasets offered in the dashboard; a folder is chosen separately. */
public enum DatasetChoice {
    SAMPLE("training.dataset.sample", Datasets.SAMPLE),
    FASHION_MNIST("training.dataset.fashion-mnist", "fashion-mnist"),
    MNIST("training.dataset.mnist", "mnist"),
    FOLDER("training.dataset.folder", null);

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
        return Messages.get(label);
    }
}
