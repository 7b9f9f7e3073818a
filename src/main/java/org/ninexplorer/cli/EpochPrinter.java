package org.ninexplorer.cli;

import org.ninexplorer.training.RunMessage;
import org.ninexplorer.training.TrainingEvent;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Prints a run the way the reference does: {@code training on cpu}, then one line per epoch;
 * with a terminal, a progress bar on stderr while an epoch runs.
 */
final class EpochPrinter implements Consumer<TrainingEvent> {

    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean progressBar;
    private long lastDraw;
    // What is on disk, for a run ended at once (read by the signal handler's thread).
    private volatile String runDirectory;
    private volatile int lastCheckpoint;

    EpochPrinter(PrintWriter out, PrintWriter err, boolean progressBar) {
        this.out = out;
        this.err = err;
        this.progressBar = progressBar;
    }

    @Override
    public void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started s) {
            runDirectory = s.runDirectory();
            lastCheckpoint = s.startEpoch() - 1;
            out.println("training on " + s.backend().kind());
            out.flush();
            err.println(s.backend().description() + "; run directory " + s.runDirectory());
            err.flush();
        } else if (event instanceof TrainingEvent.Notice n) {
            tell(n.message());
        } else if (event instanceof TrainingEvent.Alert a) {
            tell(a.message());
        } else if (event instanceof TrainingEvent.Iteration it && progressBar) {
            drawBar(it);
        } else if (event instanceof TrainingEvent.Epoch e) {
            lastCheckpoint = e.epoch();
            clearBar();
            out.println(e.referenceLine());
            out.flush();
        } else if (event instanceof TrainingEvent.Finished) {
            clearBar();
        }
    }

    private void tell(RunMessage message) {
        err.println(DiagnosticLines.ENGLISH.engine(message));
        err.flush();
    }

    /** The run's memory as its record keeps it (counted, estimated and measured); empty before its first epoch. */
    java.util.Optional<org.ninexplorer.training.RunMemory> memory() {
        String dir = runDirectory;
        if (dir == null) {
            return java.util.Optional.empty();
        }
        try {
            return org.ninexplorer.training.RunRecord.read(Path.of(dir)).memory();
        } catch (org.ninexplorer.training.TrainingException e) {
            return java.util.Optional.empty();
        }
    }

    /** What a run ended now, without stopping cleanly, leaves on disk. */
    String kept() {
        String dir = runDirectory;
        if (dir == null) {
            return "Training had not begun.";
        }
        if (lastCheckpoint == 0) {
            return "No epoch had completed, so no model was kept (run folder " + dir + ").";
        }
        return "Kept: the checkpoint after epoch " + lastCheckpoint + ", " + Path.of(dir, "checkpoints",
                "epoch-" + lastCheckpoint + ".zip") + "; continue with: train --resume " + dir;
    }

    private void drawBar(TrainingEvent.Iteration it) {
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L && it.progress() < 1) {
            return;
        }
        lastDraw = now;
        int filled = (int) Math.round(it.progress() * BAR_WIDTH);
        err.print(String.format(Locale.ROOT, "\repoch %d [%s%s] %3.0f%%  loss %.4f  %.0f img/s  %s left ",
                it.epoch(), "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), it.progress() * 100, it.loss(),
                it.imagesPerSecond(), duration(it.etaSeconds())));
        err.flush();
    }

    private void clearBar() {
        if (progressBar) {
            err.print("\r" + " ".repeat(BAR_WIDTH + 70) + "\r");
            err.flush();
        }
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
