package org.ninexplorer.ui.runs;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import org.ninexplorer.training.RunMetrics;
import org.ninexplorer.training.RunRecord;
import org.ninexplorer.training.RunStorageException;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.featuremaps.FeatureMapsViewModel;
import org.ninexplorer.ui.training.TrainingSession;
import org.ninexplorer.ui.training.TrainingViewModel;
import org.ninexplorer.ui.common.Messages;

/**
 * Shows all of a run, not just its model: its network in the graph (read-only until Edit as new), its recipe
 * and data in the training form, its curves replayed from {@code metrics.csv}, and its feature maps, which
 * name the run. Continuing a run goes through the training session, as Start does.
 */
public final class RunOpener {

    private final EditorViewModel editor;
    private final TrainingViewModel training;
    private final FeatureMapsViewModel featureMaps;
    private final Runnable showGraph;
    private final BooleanBinding idle;

    /** @param showGraph brings the graph and the training dashboard to the front */
    public RunOpener(EditorViewModel editor, TrainingViewModel training, FeatureMapsViewModel featureMaps,
                     Runnable showGraph) {
        this.editor = editor;
        this.training = training;
        this.featureMaps = featureMaps;
        this.showGraph = showGraph;
        TrainingSession session = training.session();
        idle = Bindings.createBooleanBinding(() -> !session.state().busy(), session.stateProperty());
    }

    /** True while no run trains in this window, so that another can be opened or continued. */
    public BooleanBinding idleProperty() {
        return idle;
    }

    /** Opens the run; returns what went wrong in a sentence, or an empty text. */
    public String open(RunSummary run) {
        return open(run.folder(), run.name());
    }

    /** Opens the run in {@code folder} under {@code name} (File ▸ Load trained run… gives its folder's name). */
    public String open(Path folder, String name) {
        if (!idle.get()) {
            return Messages.get("runs.open.busy");
        }
        RunRecord record;
        RunMetrics metrics;
        try {
            record = RunRecord.read(folder);
            metrics = RunMetrics.read(folder);
        } catch (TrainingException | RunStorageException e) {
            return Messages.current().error(e);
        }
        editor.showRun(record.architecture(), name, folder);
        training.data().choose(record.datasetSpec());
        training.form().show(record.hyperparameters(), record.limitTrain(), record.limitTest());
        training.charts().replay(metrics);
        featureMaps.loadRun(folder);
        showGraph.run();
        return "";
    }

    /** Continues the run from its newest checkpoint in the training dashboard; returns why not, or an empty text. */
    public String continueRun(RunSummary run) {
        TrainingSession session = training.session();
        session.continueRun(run.folder());
        if (session.statusIsErrorProperty().get()) {
            return session.statusProperty().get();
        }
        showGraph.run();
        return "";
    }
}
