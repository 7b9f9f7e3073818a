package org.ninexplorer.training;

import java.io.IOException;
import java.util.Optional;

/** A file of a run could not be written or read: a {@link RunMessage} naming the file, its English the message. */
public final class RunStorageException extends IOException implements RunMessage.Said {

    private final transient RunMessage said;

    RunStorageException(RunMessage said, Throwable cause) {
        super(said.english(), cause);
        this.said = said;
    }

    @Override
    public Optional<RunMessage> said() {
        return Optional.of(said);
    }
}
