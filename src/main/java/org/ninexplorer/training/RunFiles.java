package org.ninexplorer.training;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * How a run's files (and the app's exports: pictures, CSV, lesson bundles) reach the disk: written beside the target as {@code NAME.tmp} and moved into place,
 * so a killed app leaves the old or the new version, never half of one; a failed write removes its
 * temporary file and says which file could not be written, and why, in one sentence.
 */
public final class RunFiles {

    static final String TMP = ".tmp";
    /**
     * The files that tell a run to someone else (a lesson bundle copies them): its record and metrics, and
     * the files the views add beside them, the timeline and its pinned samples among them. The trained model
     * ({@link RunDirectory#MODEL_ZIP}) is optional.
     */
    public static final java.util.List<String> SHAREABLE = java.util.List.of(RunRecord.FILE, MetricsCsv.FILE,
            RunConfusion.FILE, RunConfusion.PREDICTIONS, Timeline.FILE, PinnedSamples.FILE);
    private static final Logger LOGGER = LoggerFactory.getLogger(RunFiles.class);

    public interface Writer {
        void writeTo(Path tmp) throws IOException;
    }

    private RunFiles() {
    }

    public static void replace(Path target, Writer writer) throws RunStorageException {
        Path tmp = target.resolveSibling(target.getFileName() + TMP);
        try {
            writer.writeTo(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw cannotWrite(target, e);
        }
    }

    /** The sentence for a failed write of {@code target}; a disk that is full says so. */
    public static RunStorageException cannotWrite(Path target, IOException e) {
        if (e instanceof RunStorageException already) {
            return already;
        }
        String reason = reason(e);
        String advice = isDiskFull(reason) ? " The disk is full: free some space; what was written before is kept."
                : e instanceof java.nio.file.AccessDeniedException || reason.contains("ermission denied")
                        || reason.contains("ead-only file system")
                        ? " Choose a folder you can write to." : "";
        return new RunStorageException("Cannot write " + target + ": " + reason + "." + advice, e);
    }

    /** What the system said, without the path it names (the caller's sentence names it). */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName().replace("Exception", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }

    private static boolean isDiskFull(String reason) {
        return reason.contains("No space left on device") || reason.contains("not enough space on the disk");
    }

    /** Removes what a killed writer left half-written in {@code folder} (the caller holds the run's lock). */
    static void removeTemporaries(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(TMP)).toList()) {
                LOGGER.info("Removing {}, left half-written by an earlier writer", file);
                Files.deleteIfExists(file);
            }
        }
    }

    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOGGER.warn("Cannot remove {}", file, e);
        }
    }
}
