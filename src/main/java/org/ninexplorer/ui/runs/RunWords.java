package org.ninexplorer.ui.runs;

import org.ninexplorer.training.RunSummary;
import org.ninexplorer.ui.common.Messages;

/** A run's state and why it stands so, in the bundles' words ({@code runs.state.<state>}). */
public final class RunWords {

    private RunWords() {
    }

    /** E.g. "completed", "interrupted". */
    public static String state(RunSummary.State state) {
        return Messages.get("runs.state." + state.label());
    }

    /** Why the run stands as it does; empty when there is nothing to say. */
    public static String reason(RunSummary run) {
        return run.reason().map(Messages.current()::engine).orElse("");
    }

    /** E.g. "fashion-28 ended diverged: …", for a run that did not complete. */
    public static String ended(String name, RunSummary run) {
        String reason = reason(run);
        return reason.isEmpty() ? Messages.get("exercises.ended", name, state(run.state()))
                : Messages.get("exercises.ended.reason", name, state(run.state()), reason);
    }
}
