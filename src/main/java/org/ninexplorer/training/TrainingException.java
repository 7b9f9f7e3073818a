package org.ninexplorer.training;

/** A run that cannot start or go on, with a message meant for the user. */
public class TrainingException extends Exception {

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
