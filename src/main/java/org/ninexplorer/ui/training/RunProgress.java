package org.ninexplorer.ui.training;

import java.util.Locale;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ninexplorer.training.TrainingEvent;
import org.ninexplorer.ui.common.Format;

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
        text.set("Downloading " + file + ": " + Format.bytes(done) + (total > 0 ? " of " + Format.bytes(total) : ""));
    }

    void apply(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started s) {
            totalEpochs = s.epochs();
        } else if (event instanceof TrainingEvent.Iteration it) {
            fraction.set(((it.epoch() - 1) + it.progress()) / totalEpochs);
            // The first batch gives no rate yet: no "NaN images/s", no guessed time left.
            String speed = Double.isFinite(it.imagesPerSecond())
                    ? String.format(Locale.ROOT, "  ·  %,.0f images/s", it.imagesPerSecond()) : "";
            String left = Double.isFinite(it.etaSeconds()) ? "  ·  " + Format.duration(it.etaSeconds()) + " left" : "";
            text.set(epochOf(it.epoch()) + speed + left);
        } else if (event instanceof TrainingEvent.Epoch e) {
            lastEpoch = e;
        } else if (event instanceof TrainingEvent.Paused p) {
            text.set(epochOf(p.epoch()) + "  ·  paused");
        } else if (event instanceof TrainingEvent.Resumed r) {
            text.set(epochOf(r.epoch()));
        } else if (event instanceof TrainingEvent.Finished f) {
            if (f.outcome() == TrainingEvent.Outcome.COMPLETED) {
                fraction.set(1);
            }
            // The run's result stays in view after its last message: what a class waits for.
            text.set(String.format(Locale.ROOT, "%d of %d epochs done", f.epochsCompleted(), totalEpochs)
                    + (lastEpoch != null ? String.format(Locale.ROOT, "  ·  test accuracy %.3f",
                    lastEpoch.testAccuracy()) : ""));
        }
    }

    private String epochOf(int epoch) {
        return String.format(Locale.ROOT, "Epoch %d of %d", epoch, totalEpochs);
    }
}
