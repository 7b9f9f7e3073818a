package org.ninexplorer.lesson;

import java.util.Optional;
import org.ninexplorer.training.RunMessage;

/**
 * A lesson could not be written or opened, said as a {@link RunMessage} (its {@code LESSON_*} codes, or a file's)
 * for the window to word in its language; the exception's message is its English.
 */
public final class LessonException extends Exception implements RunMessage.Said {

    private final transient RunMessage said;

    LessonException(RunMessage said) {
        this(said, null);
    }

    LessonException(RunMessage said, Throwable cause) {
        super(said.english(), cause);
        this.said = said;
    }

    /** A lesson's problem: its code and arguments. */
    static LessonException of(RunMessage.Code code, Object... args) {
        return new LessonException(RunMessage.of(code, args));
    }

    @Override
    public Optional<RunMessage> said() {
        return Optional.of(said);
    }
}
