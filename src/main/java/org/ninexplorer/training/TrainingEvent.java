package org.ninexplorer.training;

/**
 * What a training run reports, as immutable values delivered off the training thread
 * (see {@link TrainingRun}). Epochs and iterations count from 1.
 */
public sealed interface TrainingEvent {

    /** Training begins (or resumes from a checkpoint after {@code startEpoch - 1} epochs). */
    record Started(BackendInfo backend, String runDirectory, int startEpoch, int epochs, int iterationsPerEpoch,
                   int trainImages, int testImages) implements TrainingEvent {
    }

    /** Something the user should know before training goes on, e.g. that an unreadable checkpoint was skipped. */
    record Notice(RunMessage message) implements TrainingEvent {
    }

    /**
     * Something wrong with the run that lasts while it goes on, e.g. classes it can no longer learn: to be shown
     * until the next run starts, not only until the next line of news.
     */
    record Alert(RunMessage message) implements TrainingEvent {
    }

    /**
     * One optimisation step.
     *
     * @param iteration     within the epoch
     * @param globalIteration since the run began
     * @param progress      fraction of the epoch done, 0..1
     * @param etaSeconds    estimated time left for the whole run (test evaluation included)
     */
    record Iteration(int epoch, int iteration, long globalIteration, double loss, double progress,
                     double imagesPerSecond, double etaSeconds) implements TrainingEvent {
    }

    /** The test set is being evaluated at the end of an epoch. */
    record Evaluating(int epoch) implements TrainingEvent {
    }

    /** Each test image's answer at the end of an epoch, for its confusion matrix; sent just before its {@link Epoch}. */
    record Tested(TestPredictions predictions) implements TrainingEvent {
    }

    /** An epoch ended and its checkpoint is on disk. */
    record Epoch(int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double seconds,
                 double imagesPerSecond) implements TrainingEvent {

        /** The reference's line: {@code epoch 1, loss 1.3128, train acc 0.528, test acc 0.733, time 88.1 sec}. */
        public String referenceLine() {
            return String.format(java.util.Locale.ROOT, "epoch %s, loss %s, train acc %s, test acc %s, time %s sec",
                    (Object[]) referenceFields());
        }

        /** The line's numbers as it writes them, for the window's own words around them: 1, 1.3128, 0.528, 0.733, 88.1. */
        public String[] referenceFields() {
            java.util.Locale root = java.util.Locale.ROOT;
            return new String[] {String.valueOf(epoch), String.format(root, "%.4f", trainLoss),
                    String.format(root, "%.3f", trainAccuracy), String.format(root, "%.3f", testAccuracy),
                    String.format(root, "%.1f", seconds)};
        }
    }

    record Paused(int epoch, int iteration) implements TrainingEvent {
    }

    record Resumed(int epoch, int iteration) implements TrainingEvent {
    }

    /** The run is over; {@code message} says how, for the interface to put into words. */
    record Finished(Outcome outcome, RunMessage message, int epochsCompleted) implements TrainingEvent {
    }

    enum Outcome {
        /** All epochs ran. */
        COMPLETED,
        /** The user stopped it; the model trained so far is kept. */
        STOPPED,
        /** The loss became NaN or infinite; the last good checkpoint is kept. */
        DIVERGED,
        /** An error ended it. */
        FAILED
    }
}
