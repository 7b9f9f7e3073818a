package org.ninexplorer.cli;

import org.ninexplorer.data.ProgressListener;

import java.io.PrintWriter;
import java.util.Locale;

/** Download progress on stderr: file, bytes and percent, at most a few times a second. */
final class DownloadPrinter implements ProgressListener {

    private final PrintWriter err;
    private long lastDraw;

    DownloadPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void progress(long bytesDone, long bytesTotal, String file) {
        long now = System.nanoTime();
        boolean complete = bytesTotal > 0 && bytesDone >= bytesTotal;
        if (now - lastDraw < 250_000_000L && !complete) {
            return;
        }
        lastDraw = now;
        String percent = bytesTotal > 0 ? String.format(Locale.ROOT, " (%.0f%%)", 100.0 * bytesDone / bytesTotal) : "";
        err.print(String.format(Locale.ROOT, "\rdownloading %s: %,d bytes%s%s", file, bytesDone, percent,
                complete ? "\n" : ""));
        err.flush();
    }
}
