package org.ninexplorer.ui.training;

import java.util.Locale;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.ui.common.Format;
import org.ninexplorer.ui.common.Messages;

/**
 * The progress bar and the line beside it: the epoch, the speed and the time left while training; no time
 * left while paused or after the end, where the line keeps the run's result instead.
 */
final class RunProgress {

    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private int totalEpochs;
    private TrainingEvent.Epoch lastEpoch;

    ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** A new run of this many epochs is being prepared. */
    void reset(int epochs) {
        fraction.set(0);
        text.set("");
        totalEpochs = epochs;
        lastEpoch = null;
    }

    /** The run ended before it trained. */
    void clearText() {
        text.set("");
    }

    void downloading(long done, long total, String file) {
        fraction.set(total > 0 ? (double) done / total : -1);
        text.set(total > 0 ? Messages.get("training.progress.download", file, Format.bytes(done), Format.bytes(total))
                : Messages.get("training.progress.download.unknown", file, Format.bytes(done)));
    }

    void apply(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started s) {
            totalEpochs = s.epochs();
        } else if (event instanceof TrainingEvent.Iteration it) {
            fraction.set(((it.epoch() - 1) + it.progress()) / totalEpochs);
            // The first batch gives no rate yet: no "NaN images/s", no guessed time left.
            String speed = Double.isFinite(it.imagesPerSecond())
                    ? Messages.get("training.progress.speed", String.format(Locale.ROOT, "%,.0f", it.imagesPerSecond())) : "";
            String left = Double.isFinite(it.etaSeconds())
                    ? Messages.get("training.progress.left", Format.duration(it.etaSeconds())) : "";
            text.set(epochOf(it.epoch()) + speed + left);
        } else if (event instanceof TrainingEvent.Epoch e) {
            lastEpoch = e;
        } else if (event instanceof TrainingEvent.Paused p) {
            text.set(Messages.get("training.progress.paused", epochOf(p.epoch())));
        } else if (event instanceof TrainingEvent.Resumed r) {
            text.set(epochOf(r.epoch()));
        } else if (event instanceof TrainingEvent.Finished f) {
            if (f.outcome() == TrainingEvent.Outcome.COMPLETED) {
                fraction.set(1);
            }
            // The run's result stays in view after its last message: what a class waits for.
            text.set(Messages.get("training.progress.done", String.valueOf(f.epochsCompleted()), String.valueOf(totalEpochs))
                    + (lastEpoch != null ? Messages.get("training.progress.accuracy",
                    String.format(Locale.ROOT, "%.3f", lastEpoch.testAccuracy())) : ""));
        }
    }

    private String epochOf(int epoch) {
        return Messages.get("training.progress.epoch", String.valueOf(epoch), String.valueOf(totalEpochs));
    }
}
