package org.ninexplorer.data;

/** A dataset that cannot be found, fetched or read; the message names the file and the problem. */
public final class DatasetException extends Exception {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
