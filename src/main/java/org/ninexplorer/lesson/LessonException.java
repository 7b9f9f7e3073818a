package org.ninexplorer.lesson;

import java.util.Optional;
import org.ninexplorer.training.RunMessage;

/**
 * A lesson could not be written or opened; the message is one sentence for the user: in English, or as a
 * {@link RunMessage} (then the message is its English) for the window to put in its own words.
 */
public final class LessonException extends Exception implements RunMessage.Said {

    private final transient RunMessage said;

    LessonException(String message) {
        super(message);
        said = null;
    }

    LessonException(String message, Throwable cause) {
        super(message, cause);
        said = null;
    }

    LessonException(RunMessage said, Throwable cause) {
        super(said.english(), cause);
        this.said = said;
    }

    @Override
    public Optional<RunMessage> said() {
        return Optional.ofNullable(said);
    }
}
