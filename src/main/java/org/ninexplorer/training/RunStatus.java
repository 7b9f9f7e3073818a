package org.ninexplorer.training;

import java.util.Locale;

/** Where a run stands, as {@code run.json} records it. */
public enum RunStatus {
    /** Being trained, or killed while it was (a lock held by no live process tells the two apart). */
    RUNNING,
    /** All epochs ran and {@code model.zip} holds the result. */
    COMPLETED,
    /** The user stopped it; {@code model.zip} holds the model trained so far. */
    STOPPED,
    /** The loss or the weights became non-finite; the last good checkpoint is kept. */
    DIVERGED,
    /** An error ended it; the checkpoints so far are kept. */
    FAILED;

    /** The word written to {@code run.json}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus parse(String text) {
        for (RunStatus status : values()) {
            if (status.label().equals(text)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "'; expected running, completed, stopped, "
                + "diverged or failed");
    }
}
