package org.ninexplorer.lesson;

/** A lesson could not be written or opened; the message is one sentence for the user. */
public final class LessonException extends Exception {

    LessonException(String message) {
        super(message);
    }

    LessonException(String message, Throwable cause) {
        super(message, cause);
    }
}
