package org.ninexplorer.training;

import java.util.Optional;

/**
 * A run that cannot start or go on, with a message meant for the user: in English, or as a {@link RunMessage}
 * (then the message is its English) for the window to put in its own words.
 */
public class TrainingException extends Exception implements RunMessage.Said {

    private final transient RunMessage said;

    public TrainingException(String message) {
        super(message);
        said = null;
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
        said = null;
    }

    public TrainingException(RunMessage said) {
        super(said.english());
        this.said = said;
    }

    public TrainingException(RunMessage said, Throwable cause) {
        super(said.english(), cause);
        this.said = said;
    }

    /** What the engine said, as a code; empty for a message that is English only. */
    @Override
    public Optional<RunMessage> said() {
        return Optional.ofNullable(said);
    }
}
