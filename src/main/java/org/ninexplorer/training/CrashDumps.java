package org.ninexplorer.training;

import org.deeplearning4j.util.CrashReportingUtil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * DL4J writes a memory report ({@code dl4j-memory-crash-dump-*.txt}) when a network runs out of memory,
 * by default into the working directory, which is the user's, not ours. We let it write one only while
 * a run trains, into the run's directory, and only if {@code -Dorg.deeplearning4j.crash.reporting.enabled}
 * has not switched the reports off.
 */
final class CrashDumps implements AutoCloseable {

    private static final String PREFIX = "dl4j-memory-crash-dump-";
    private static final String SWITCH = "org.deeplearning4j.crash.reporting.enabled";

    private final Path directory;

    private CrashDumps(Path directory) {
        this.directory = directory;
    }

    /** No reports outside a run; called once, before any network is built. */
    static void outsideRuns() {
        CrashReportingUtil.crashDumpsEnabled(false);
    }

    /** Reports go to {@code runDirectory} until {@link #close()}. */
    static CrashDumps into(Path runDirectory) {
        if (Boolean.parseBoolean(System.getProperty(SWITCH, "true"))) {
            CrashReportingUtil.crashDumpOutputDirectory(runDirectory.toFile());
            CrashReportingUtil.crashDumpsEnabled(true);
        }
        return new CrashDumps(runDirectory);
    }

    /** The newest report in the run's directory, if DL4J wrote one. */
    Optional<Path> latest() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(PREFIX))
                    .max(Comparator.comparing(f -> f.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        outsideRuns();
    }
}
