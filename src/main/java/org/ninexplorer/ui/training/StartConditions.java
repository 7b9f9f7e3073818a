package org.ninexplorer.ui.training;

import java.util.List;
import java.util.Optional;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.MemoryEstimate;
import org.ninexplorer.training.MemoryCheck;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.ui.editor.EditorViewModel;
import org.ninexplorer.ui.graph.GraphViewModel;
import org.ninexplorer.ui.common.Messages;

/** Why Start cannot start a run now, and the memory line beside it: what the net, the form and the data allow. */
final class StartConditions {

    private StartConditions() {
    }

    /** The first reason Start is refused, in words; empty when it may start. */
    static String blockedReason(boolean busy, EditorViewModel editor, HyperparameterForm form, DatasetSelection data) {
        if (busy) {
            return Messages.get("training.blocked.running");
        }
        Analysis analysis = editor.analysis();
        if (!analysis.valid()) {
            return Messages.get("training.blocked.impossible", analysis.diagnostics().stream().findFirst()
                    .map(GraphViewModel::describe).orElse(Messages.get("training.blocked.red-cards")));
        }
        List<String> problems = form.problems();
        if (!problems.isEmpty()) {
            return String.join("; ", problems);
        }
        Optional<MemoryEstimate> estimate = form.memoryEstimate();
        if (estimate.isPresent()) {
            try {
                MemoryCheck.check(estimate.get());
            } catch (TrainingException e) {
                return Messages.current().error(e);
            }
        }
        return data.blockedReason();
    }

    /** The memory estimate of a run with the form's values, in a sentence; empty while the net is impossible. */
    static String memoryLine(HyperparameterForm form) {
        return form.memoryEstimate().map(estimate -> Messages.get("training.memory", Messages.current().engine(MemoryCheck.describe(estimate)),
                        MemoryEstimate.bytes(MemoryCheck.budget().offHeapBytes())))
                .orElse("");
    }
}
