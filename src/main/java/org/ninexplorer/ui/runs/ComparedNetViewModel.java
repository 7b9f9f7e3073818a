package org.ninexplorer.ui.runs;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.ninexplorer.training.MemoryCheck;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.ui.editor.Baseline;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.graph.GraphViewModel;
import org.ninexplorer.ui.common.Messages;

/**
 * The network of one compared run in the graph, each card marked against the baseline run's: the comparison's
 * architecture diff where the nets are drawn. With more than two runs the user picks which one is drawn.
 */
public final class ComparedNetViewModel {

    /** The drawn net, read-only as an opened run's; a graph of its own, apart from the window's. */
    private final EditorViewModel net = new EditorViewModel();
    private final GraphViewModel graph = new GraphViewModel(net);
    private final ReadOnlyObjectWrapper<List<RunSummary>> choices = new ReadOnlyObjectWrapper<>(List.of());
    private final ObjectProperty<RunSummary> shown = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private RunSummary baseline;

    ComparedNetViewModel() {
        shown.addListener((obs, old, run) -> draw(run));
    }

    /** The drawn net, for the graph view (which selects its cards there). */
    public EditorViewModel net() {
        return net;
    }

    /** The drawn net's cards and their marks. */
    public GraphViewModel graph() {
        return graph;
    }

    /** The runs whose net can be drawn: every compared run after the baseline that has one. */
    public ReadOnlyObjectProperty<List<RunSummary>> choicesProperty() {
        return choices.getReadOnlyProperty();
    }

    /** The run whose net is drawn; null when there is none to draw. */
    public ObjectProperty<RunSummary> shownProperty() {
        return shown;
    }

    /** What the graph shows, e.g. "wider's network, marked against baseline"; empty when nothing is drawn. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Draws the first of {@code runs} after the baseline {@code runs.get(0)}, or keeps the one drawn if still there. */
    void compare(List<RunSummary> runs) {
        baseline = runs.isEmpty() || runs.get(0).architecture() == null ? null : runs.get(0);
        choices.set(baseline == null ? List.of()
                : runs.subList(1, runs.size()).stream().filter(r -> r.architecture() != null).toList());
        RunSummary keep = choices.get().stream().filter(r -> shown.get() != null
                && r.folder().equals(shown.get().folder())).findFirst().orElse(null);
        RunSummary next = keep != null ? keep : choices.get().isEmpty() ? null : choices.get().get(0);
        if (java.util.Objects.equals(next, shown.get())) {
            draw(next); // the same run, but the baseline may be another
        } else {
            shown.set(next);
        }
    }

    private void draw(RunSummary run) {
        if (run == null || baseline == null) {
            graph.baselineProperty().set(null);
            title.set("");
            return;
        }
        net.showRun(run.architecture(), run.name(), run.folder());
        if (run.hyperparameters() != null) { // the memory the run's own recipe needs
            graph.memoryBatchProperty().set(run.hyperparameters().batchSize());
            graph.optimizerCopiesProperty().set(MemoryCheck.optimizerCopies(run.hyperparameters().optimizer()));
        }
        graph.baselineProperty().set(new Baseline(baseline.name(), baseline.architecture()));
        title.set(Messages.get("runs.compared-net.title", run.name(), baseline.name()));
    }
}
