package org.ninexplorer.training;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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

    /** The sentence for a failed write of {@code target}; a full disk or a folder that cannot be written says what to do. */
    public static RunStorageException cannotWrite(Path target, IOException e) {
        if (e instanceof RunStorageException already) {
            return already;
        }
        return new RunStorageException(cannotWriteMessage(target, e), e);
    }

    /** {@link #cannotWrite}'s message, for an error of another kind. */
    static RunMessage cannotWriteMessage(Path target, IOException e) {
        RunMessage reason = reason(e);
        RunMessage.Code code = switch (reason.code()) {
            case NO_SPACE -> RunMessage.Code.CANNOT_WRITE_DISK_FULL;
            case ACCESS_DENIED, READ_ONLY_FILE_SYSTEM -> RunMessage.Code.CANNOT_WRITE_ELSEWHERE;
            default -> RunMessage.Code.CANNOT_WRITE;
        };
        return RunMessage.of(code, target.toString(), reason);
    }

    /** "Cannot read {@code file}: why." */
    public static RunMessage cannotRead(Path file, IOException e) {
        return e instanceof RunStorageException already ? already.said().orElseThrow()
                : RunMessage.of(RunMessage.Code.CANNOT_READ, file.toString(), reason(e));
    }

    /**
     * What went wrong with a file, for a sentence that does not name it: the engine's own message, else the file
     * the system names and why ({@code /x/a.json: Permission denied}), else why.
     */
    public static RunMessage what(IOException e) {
        if (e instanceof RunStorageException storage) {
            return storage.said().orElseThrow();
        }
        return e instanceof FileSystemException fs && fs.getFile() != null
                ? RunMessage.of(RunMessage.Code.ON_FILE, fs.getFile(), reason(e)) : reason(e);
    }

    /**
     * What the system said, without the path it names (the caller's sentence names it): the common causes as
     * codes, from the exception's type or the system's reason, the rest as the system's text.
     */
    static RunMessage reason(IOException e) {
        String said = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        String text = String.valueOf(said);
        RunMessage.Code code = e instanceof NoSuchFileException || text.contains("No such file")
                ? RunMessage.Code.NO_SUCH_FILE
                : e instanceof AccessDeniedException || text.contains("ermission denied") || text.contains("ccess is denied")
                ? RunMessage.Code.ACCESS_DENIED
                : text.contains("No space left on device") || text.contains("not enough space on the disk")
                ? RunMessage.Code.NO_SPACE
                : e instanceof NotDirectoryException || text.contains("Not a directory") ? RunMessage.Code.NOT_A_DIRECTORY
                : e instanceof FileAlreadyExistsException || text.contains("File exists") ? RunMessage.Code.FILE_EXISTS
                : text.contains("ead-only file system") ? RunMessage.Code.READ_ONLY_FILE_SYSTEM : RunMessage.Code.TEXT;
        if (code != RunMessage.Code.TEXT) {
            return RunMessage.of(code);
        }
        return RunMessage.text(said != null ? said : e.getClass().getSimpleName().replace("Exception", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT));
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
