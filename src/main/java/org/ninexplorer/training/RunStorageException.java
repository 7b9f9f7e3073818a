package org.ninexplorer.training;

import java.io.IOException;

/** A file of a run could not be written or read; the message is a sentence naming the file. */
public final class RunStorageException extends IOException {

    RunStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
