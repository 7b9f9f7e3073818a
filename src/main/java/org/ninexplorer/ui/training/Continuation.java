package org.ninexplorer.ui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ninexplorer.training.RunMetrics;
import org.ninexplorer.training.RunResumption;
import org.ninexplorer.training.RunStorageException;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.ui.common.Messages;

/** A run the session may continue: locked for it, its data planned, its recorded curves read. */
record Continuation(RunResumption resumption, DatasetSelection.Plan plan, RunMetrics metrics) {

    /** Checks the run in {@code folder}; refuses, in words, a complete, locked or damaged run or one whose data is declined. */
    static Continuation of(Path folder, boolean busy, DatasetSelection data) throws TrainingException {
        if (busy) {
            throw new TrainingException(Messages.get("training.continue.running"));
        }
        RunResumption resumption = RunResumption.open(folder, null); // locked until its run ends, or closed below
        try {
            if (resumption.complete()) {
                throw new TrainingException(resumption.completeMessage());
            }
            String spec = resumption.record().datasetSpec();
            Optional<DatasetSelection.Plan> plan = data.planFor(spec);
            if (plan.isEmpty()) {
                throw new TrainingException(Messages.get("training.continue.no-data", spec));
            }
            RunMetrics metrics;
            try {
                metrics = RunMetrics.read(folder);
            } catch (RunStorageException e) {
                metrics = new RunMetrics(List.of(), List.of()); // the resume rewrites what it keeps of it
            }
            return new Continuation(resumption, plan.get(), metrics);
        } catch (TrainingException | RuntimeException e) {
            resumption.close();
            throw e;
        }
    }
}
