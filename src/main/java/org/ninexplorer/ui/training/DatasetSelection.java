package org.ninexplorer.ui.training;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.ninexplorer.data.DataDirectory;
import org.ninexplorer.data.Dataset;
import org.ninexplorer.data.DatasetException;
import org.ninexplorer.data.DatasetKind;
import org.ninexplorer.data.Datasets;
import org.ninexplorer.data.Downloader;
import org.ninexplorer.data.ProgressListener;
import org.ninexplorer.ui.common.Messages;

/** Which data a run trains on: the bundled sample, a downloadable set (offered for download when missing) or a folder. */
public final class DatasetSelection {

    /**
     * What Start will open: {@code spec} for {@link Datasets#open}, shown as {@code label}, and the set to
     * download first, if any.
     * Taken on the FX thread; {@link #open} runs it on the training thread.
     */
    public record Plan(String spec, String label, DatasetKind download, DataDirectory dataDirectory) {

        /** What the status says while the data is being made ready. */
        public String description() {
            return download != null ? Messages.get("training.downloading", download.displayName())
                    : Messages.get("training.loading", label);
        }

        public Dataset open(ProgressListener progress, BooleanSupplier cancelled) throws DatasetException {
            return download != null
                    ? Datasets.openOrDownload(spec, dataDirectory, new Downloader(), progress, cancelled)
                    : Datasets.open(spec, dataDirectory);
        }
    }

    private final DataDirectory dataDirectory;
    private final ObjectProperty<DatasetChoice> dataset = new SimpleObjectProperty<>(DatasetChoice.SAMPLE);
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private Predicate<String> confirmDownload = message -> false;

    public DatasetSelection(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public ObjectProperty<DatasetChoice> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    /** Chooses the data a recorded run names: one of the offered sets, else its folder. */
    public void choose(String spec) {
        for (DatasetChoice choice : DatasetChoice.values()) {
            if (spec.equals(choice.spec())) {
                dataset.set(choice);
                return;
            }
        }
        folder.set(Path.of(spec));
        dataset.set(DatasetChoice.FOLDER);
    }

    /** Asked before a download starts; returns whether the user agreed. */
    public void setDownloadConfirmation(Predicate<String> confirm) {
        this.confirmDownload = confirm;
    }

    /** Why the choice cannot be used yet; empty when it can. */
    public String blockedReason() {
        return dataset.get() == DatasetChoice.FOLDER && folder.get() == null ? Messages.get("training.choose-folder-first") : "";
    }

    /** What {@link #blockedReason()} depends on, for bindings. */
    Observable[] dependencies() {
        return new Observable[] {dataset, folder};
    }

    /** The plan for the chosen data, or empty when it must be downloaded and the user declined. FX thread. */
    public Optional<Plan> plan() {
        DatasetChoice choice = dataset.get();
        String spec = choice == DatasetChoice.FOLDER ? folder.get().toString() : choice.spec();
        return planFor(spec, choice == DatasetChoice.FOLDER ? spec : choice.toString());
    }

    /** The plan for the data a recorded run names ({@code sample}, a set's name or a folder), asking before a download. */
    public Optional<Plan> planFor(String spec) {
        return planFor(spec, spec);
    }

    private Optional<Plan> planFor(String spec, String label) {
        DatasetKind download = DatasetKind.byName(spec).filter(kind -> !Datasets.isPresent(kind, dataDirectory))
                .orElse(null);
        if (download != null && !confirmDownload.test(Messages.get("training.download.confirm",
                download.displayName(), dataDirectory.folder(download).toString()))) {
            return Optional.empty();
        }
        return Optional.of(new Plan(spec, label, download, dataDirectory));
    }
}
