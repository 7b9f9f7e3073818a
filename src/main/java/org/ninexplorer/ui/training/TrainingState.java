package org.ninexplorer.ui.training;

/** Where the dashboard is: only {@code IDLE} accepts Start; editing is locked in every other state. */
public enum TrainingState {
    IDLE, PREPARING, RUNNING, PAUSED, STOPPING;

    public boolean busy() {
        return this != IDLE;
    }
}
