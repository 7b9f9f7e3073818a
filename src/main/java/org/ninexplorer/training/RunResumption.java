package org.ninexplorer.training;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.ninexplorer.data.Dataset;

/**
 * Continuing a run where it stopped, the same way for the CLI's {@code train --resume} and the window's Runs
 * view: the run is locked (so nothing else writes it meanwhile), the epochs to train to are checked against
 * what it has done, and {@link #start} makes the {@link TrainingRun} that continues from its newest intact
 * checkpoint. Close it when the run is not started after all.
 */
public final class RunResumption implements AutoCloseable {

    private final RunDirectory run;
    private final int target;
    private boolean started;

    private RunResumption(RunDirectory run, int target) {
        this.run = run;
        this.target = target;
    }

    /**
     * Takes the run in {@code folder} for continuing it towards {@code epochs} epochs (null: its recipe's).
     * Refuses a target below the epochs already trained, and a run held by another writer.
     */
    public static RunResumption open(Path folder, Integer epochs) throws TrainingException {
        RunDirectory run = RunDirectory.openForResume(folder);
        RunRecord record = run.record();
        int target = epochs != null ? epochs : record.hyperparameters().epochs();
        int done = record.epochsCompleted();
        if (target < done) {
            run.close();
            throw new TrainingException(RunMessage.of(RunMessage.Code.EPOCHS_BELOW_TRAINED, String.valueOf(target),
                    folder.toString(), String.valueOf(done), String.valueOf(done + 1)));
        }
        return new RunResumption(run, target);
    }

    public RunRecord record() {
        return run.record();
    }

    public Path folder() {
        return run.path();
    }

    public int targetEpochs() {
        return target;
    }

    /** Whether there is nothing to do: the run trained all its epochs and no more were asked for. */
    public boolean complete() {
        return run.record().status() == RunStatus.COMPLETED && target <= run.record().epochsCompleted();
    }

    /** What a complete run's user is told instead of a run. */
    public String completeMessage() {
        int done = run.record().epochsCompleted();
        return "The run in " + run.path() + " is complete: it trained all " + done + " epochs, and the model is in "
                + run.path().resolve(RunDirectory.MODEL_ZIP) + ". Give --epochs with more than " + done
                + " to train it further.";
    }

    /** E.g. {@code resuming runs/x (stopped, 2 of 5 epochs done)}. */
    public RunMessage description() {
        RunRecord record = run.record();
        int recorded = record.hyperparameters().epochs();
        List<Object> args = List.of(run.path().toString(), record.status().label(),
                String.valueOf(record.epochsCompleted()), String.valueOf(recorded), String.valueOf(target));
        return new RunMessage(target != recorded ? RunMessage.Code.RESUMING_TO : RunMessage.Code.RESUMING, args);
    }

    /** The run that continues, on {@code dataset} (opened from the record's {@code datasetSpec()}); it owns the lock now. */
    public TrainingRun start(Dataset dataset, Consumer<TrainingEvent> consumer) {
        started = true;
        return TrainingRun.resume(run, dataset, target, consumer);
    }

    /** Releases the run unless {@link #start} handed it on. */
    @Override
    public void close() {
        if (!started) {
            run.close();
        }
    }
}
