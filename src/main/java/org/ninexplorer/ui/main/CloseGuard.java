package org.ninexplorer.ui.main;

import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Duration;
import org.ninexplorer.ui.common.DialogService;
import org.ninexplorer.ui.common.DialogService.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ninexplorer.ui.common.Messages;

/**
 * What closing the window does. While a network trains it asks first, then stops the run (which ends
 * after the current batch and writes the model so far) and closes once the run has ended, or after
 * {@link #STOP_WAIT} at the latest, so that a stuck run cannot keep the window open for ever.
 */
final class CloseGuard {

    private static final Logger LOGGER = LoggerFactory.getLogger(CloseGuard.class);
    static final Duration STOP_WAIT = Duration.seconds(30);

    private enum Training { STOP_AND_CLOSE, KEEP_TRAINING }

    private final DialogService dialogs;
    private final ObservableBooleanValue training;
    private final Runnable stopTraining;
    private final BooleanSupplier confirmDiscard;
    private boolean closing;

    /**
     * @param training       true while a run is being prepared or trains
     * @param stopTraining   asks the run to stop after its current batch
     * @param confirmDiscard asks about unsaved edits; true when the window may close
     */
    CloseGuard(DialogService dialogs, ObservableBooleanValue training, Runnable stopTraining,
               BooleanSupplier confirmDiscard) {
        this.dialogs = dialogs;
        this.training = training;
        this.stopTraining = stopTraining;
        this.confirmDiscard = confirmDiscard;
    }

    /** Handles one close request; {@code close} closes the window, now or once training has stopped. */
    void requestClose(Runnable close) {
        if (closing) {
            return; // already stopping: the window closes when the run has ended
        }
        if (training.get() && dialogs.ask(Messages.get("main.close.header"), Messages.get("main.close.detail"),
                List.of(new Answer<>(Training.STOP_AND_CLOSE, Messages.get("main.close.stop")),
                        new Answer<>(Training.KEEP_TRAINING, Messages.get("main.close.keep"))))
                .orElse(Training.KEEP_TRAINING) != Training.STOP_AND_CLOSE) {
            return;
        }
        if (!confirmDiscard.getAsBoolean()) {
            return;
        }
        if (!training.get()) {
            close.run();
            return;
        }
        closing = true;
        stopTraining.run();
        PauseTransition deadline = new PauseTransition(STOP_WAIT);
        ChangeListener<Boolean> ended = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (!now) {
                    training.removeListener(this);
                    deadline.stop();
                    close.run();
                }
            }
        };
        deadline.setOnFinished(e -> {
            training.removeListener(ended);
            LOGGER.warn("The run did not stop within {} s; closing without waiting for it", STOP_WAIT.toSeconds());
            close.run();
        });
        training.addListener(ended);
        deadline.play();
    }
}
