package org.ninexplorer.data;

/** Download progress; called from the downloading thread. bytesTotal is -1 when the server does not say. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total, file) -> { };

    void progress(long bytesDone, long bytesTotal, String file);
}
