package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.ninexplorer.data.ImageSource;
import org.ninexplorer.model.Architecture;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One run on disk: {@code run.json} (see {@link RunRecord}), an append-only {@code metrics.csv} (see
 * {@link MetricsCsv}), {@code checkpoints/epoch-N.zip} with updater state (see {@link Checkpoints}),
 * {@code model.zip}, the test's confusion (see {@link RunConfusion}), the pinned samples' timeline (see
 * {@link Timeline}), and {@code run.lock} (see {@link RunLock}), which a run holds while it trains, so
 * that a folder has one writer at a time. Every file but the CSV is replaced atomically ({@link RunFiles}).
 */
public final class RunDirectory implements AutoCloseable {

    private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(RunDirectory.class);

    public static final String RUN_JSON = RunRecord.FILE;
    public static final String METRICS_CSV = MetricsCsv.FILE;
    public static final String MODEL_ZIP = "model.zip";
    public static final String CSV_HEADER = MetricsCsv.HEADER;
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String WRITE_CHECK = ".write-check" + RunFiles.TMP;

    private final Path dir;
    private final RunRecord record;
    private final RunLock lock;
    private final List<RunMessage> notices = new ArrayList<>();
    private MetricsCsv metrics;
    private RunConfusion confusion = RunConfusion.empty();
    private TimelineRecorder timeline;

    private RunDirectory(Path dir, RunRecord record, RunLock lock) {
        this.dir = dir;
        this.record = record;
        this.lock = lock;
        this.timeline = TimelineRecorder.fresh(dir);
        if (lock != null) {
            lock.staleOwner().ifPresent(owner -> notices.add(RunMessage.of(RunMessage.Code.TOOK_OVER_LOCK,
                    dir.resolve(RunLock.FILE).toString(), owner)));
        }
    }

    /**
     * A new, empty folder for a run under {@code runsRoot}, named {@code <yyyyMMdd-HHmmss>-<net>}, with
     * {@code -2}, {@code -3}, … when runs start in the same second; created here, so two runs (two windows,
     * or a window and the CLI) never get the same one. If {@code runsRoot} cannot be written the name is
     * returned anyway, and the run's start says what is wrong with it.
     */
    public static Path newRunPath(Path runsRoot, String netLabel) {
        String base = LocalDateTime.now().format(NAME_TIME) + "-" + netLabel.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.createDirectories(runsRoot);
            for (int n = 1; ; n++) {
                Path candidate = runsRoot.resolve(n == 1 ? base : base + "-" + n);
                try {
                    return Files.createDirectory(candidate);
                } catch (FileAlreadyExistsException taken) {
                    // another run has this name: try the next
                }
            }
        } catch (IOException e) {
            return runsRoot.resolve(base);
        }
    }

    /** Whether the run in {@code dir} began: it has its {@code run.json}, however it ended. */
    public static boolean began(Path dir) {
        return Files.exists(dir.resolve(RUN_JSON));
    }

    /**
     * Removes a folder from {@link #newRunPath} whose run never began: one that holds no {@code run.json}
     * (empty, or with only the lock and the empty checkpoint folder of a start that failed). Call it once
     * the run's {@link TrainingRun#call()} has returned or thrown, so that the lock is no longer held.
     */
    public static void removeUnstarted(Path dir) {
        if (!Files.isDirectory(dir) || began(dir)) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(Checkpoints.FOLDER));
            Files.deleteIfExists(dir.resolve(RunLock.FILE));
            Files.delete(dir);
        } catch (IOException e) {
            // something else is in it (or it cannot be changed): it is left as it is
            LOGGER.warn("Cannot remove the unused run folder {}: {}", dir, e.toString());
        }
    }

    /** Starts a new run in {@code dir}, which must be missing or empty (or a run that never started), and writable. */
    static RunDirectory create(Path dir, TrainingRequest request, BackendInfo backend) throws TrainingException {
        refuseForeignFolder(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.CANNOT_CREATE_RUN_DIRECTORY, dir.toString(),
                    RunFiles.reason(e)), e);
        }
        RunLock lock = RunLock.acquire(dir);
        try {
            if (Files.exists(dir.resolve(RUN_JSON))) {
                throw new TrainingException(RunMessage.of(RunMessage.Code.HOLDS_A_RUN, dir.toString()));
            }
            RunDirectory run = new RunDirectory(dir, RunRecord.create(dir, request, backend), lock);
            Files.createDirectories(dir.resolve(Checkpoints.FOLDER));
            run.checkWritable();
            run.record.write();
            run.metrics = MetricsCsv.create(dir);
            return run;
        } catch (TrainingException e) {
            lock.close();
            throw e;
        } catch (IOException e) {
            lock.close();
            throw new TrainingException(RunFiles.cannotWriteMessage(dir, e), e);
        }
    }

    /** Reads a run's record, for looking at it; the run may be training elsewhere. */
    public static RunDirectory open(Path dir) throws TrainingException {
        return new RunDirectory(dir, RunRecord.read(dir), null);
    }

    /**
     * Takes a run for continuing it: its lock (refused, naming the owner, while another process trains
     * it), then its record, checked field by field; removes what a killed writer left half-written.
     */
    public static RunDirectory openForResume(Path dir) throws TrainingException {
        if (!Files.isDirectory(dir)) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.NO_RUN_FOLDER, dir.toString()));
        }
        if (!Files.exists(dir.resolve(RUN_JSON)) && !Files.exists(dir.resolve(RunLock.FILE))) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.NOT_A_RUN, dir.toString(), RUN_JSON));
        }
        RunLock lock = RunLock.acquire(dir); // first: a run that is just starting elsewhere has no record yet
        try {
            RunDirectory run = new RunDirectory(dir, RunRecord.read(dir), lock);
            RunFiles.removeTemporaries(dir);
            RunFiles.removeTemporaries(dir.resolve(Checkpoints.FOLDER));
            return run;
        } catch (TrainingException e) {
            lock.close();
            throw e;
        } catch (IOException e) {
            lock.close();
            throw new TrainingException(RunFiles.cannotWriteMessage(dir, e), e);
        }
    }

    /**
     * Copies a run's {@code metrics.csv} to {@code target} as it is (the one format, which {@link MetricsCsv}
     * alone writes); an existing target is replaced only once the copy is whole.
     */
    public static void exportMetrics(Path runDir, Path target) throws RunStorageException {
        Path source = runDir.resolve(METRICS_CSV);
        if (!Files.isRegularFile(source)) {
            throw new RunStorageException(RunMessage.of(RunMessage.Code.NO_METRICS, runDir.getFileName().toString(),
                    METRICS_CSV), null);
        }
        RunFiles.replace(target, tmp -> Files.copy(source, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
    }

    private static void refuseForeignFolder(Path dir) throws TrainingException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.RUN_DIRECTORY_IS_A_FILE, dir.toString()));
        }
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve(RUN_JSON)) || Files.exists(dir.resolve(RunLock.FILE))) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new TrainingException(RunMessage.of(RunMessage.Code.FOLDER_NOT_EMPTY, dir.toString()));
            }
        } catch (IOException e) {
            throw new TrainingException(RunFiles.cannotRead(dir, e), e);
        }
    }

    public Path path() {
        return dir;
    }

    public RunRecord record() {
        return record;
    }

    public Architecture architecture() {
        return record.architecture();
    }

    /** What a user should know about how this run was opened (a stale lock taken over, a checkpoint skipped). */
    List<RunMessage> notices() {
        return List.copyOf(notices);
    }

    /** The newest checkpoint that opens and holds the recorded network; an unreadable newer one becomes a notice. */
    Optional<Checkpoints.Loaded> newestCheckpoint() throws TrainingException {
        Optional<Checkpoints.Loaded> loaded = Checkpoints.newestIntact(dir, record.architecture(), record.file());
        loaded.ifPresent(c -> notices.addAll(c.notices()));
        return loaded;
    }

    /** Continues after {@code epochsCompleted} epochs towards {@code epochs}: trims the metrics, records the run as running. */
    void prepareResume(int epochsCompleted, int epochs) throws TrainingException {
        try {
            Files.createDirectories(dir.resolve(Checkpoints.FOLDER));
            checkWritable();
            metrics = MetricsCsv.resume(dir, epochsCompleted);
            confusion = resumedConfusion(epochsCompleted);
            timeline = TimelineRecorder.resumed(dir, epochsCompleted, notices::add);
            record.setEpochs(epochs);
            record.setEpochsCompleted(epochsCompleted);
            record.setStatus(RunStatus.RUNNING, null);
            record.write();
        } catch (IOException e) {
            throw new TrainingException(RunFiles.cannotWriteMessage(dir, e), e);
        }
    }

    /**
     * The confusion of the epochs a resume keeps, written back at once so that no reader sees a dropped epoch; a
     * damaged file starts again (its matrices can be recomputed from the checkpoints).
     */
    private RunConfusion resumedConfusion(int epochsCompleted) {
        try {
            RunConfusion kept = RunConfusion.read(dir).upTo(epochsCompleted);
            if (Files.exists(dir.resolve(RunConfusion.FILE))) {
                kept.write(dir);
            }
            return kept;
        } catch (RunStorageException e) {
            notices.add(RunMessage.of(RunMessage.Code.CONFUSION_RESTARTED, RunMessage.of(e)));
            return RunConfusion.empty();
        }
    }

    /** Refuses, before an epoch is spent, a checkpoint folder that cannot take even a small file. */
    private void checkWritable() throws TrainingException {
        Path folder = dir.resolve(Checkpoints.FOLDER);
        Path probe = folder.resolve(WRITE_CHECK);
        try {
            Files.write(probe, new byte[4096]);
        } catch (IOException e) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.CHECKPOINTS_NOT_WRITABLE, folder.toString(),
                    RunFiles.cannotWriteMessage(probe, e)), e);
        } finally {
            RunFiles.deleteQuietly(probe);
        }
    }

    void appendIteration(int epoch, int iteration, double loss) throws IOException {
        metrics.iteration(epoch, iteration, loss);
    }

    void appendEpoch(TrainingEvent.Epoch e) throws IOException {
        metrics.epoch(e);
    }

    /**
     * Keeps an epoch's test answers; returns what went wrong when they cannot be written: the
     * confusion matrix is not worth a run, so training goes on without it.
     */
    Optional<RunMessage> recordConfusion(TestPredictions tested) {
        confusion = confusion.with(tested);
        try {
            confusion.write(dir);
            return Optional.empty();
        } catch (RunStorageException e) {
            LOGGER.warn("Confusion matrix of epoch {} not kept: {}", tested.epoch(), e.getMessage());
            return Optional.of(RunMessage.of(RunMessage.Code.CONFUSION_NOT_KEPT, String.valueOf(tested.epoch()),
                    RunMessage.of(e)));
        }
    }

    /** Keeps the pins the run starts with; see {@link TimelineRecorder#start}. */
    Optional<RunMessage> startTimeline(PinnedSamples pins) {
        return timeline.start(pins);
    }

    /** Keeps epoch {@code epoch} of the timeline; see {@link TimelineRecorder#record}. */
    Optional<RunMessage> recordTimeline(int epoch, FeatureMapper mapper, ImageSource test, PinnedSamples pins) {
        return timeline.record(epoch, mapper, test, pins);
    }

    /** Kept in the record from its next write on. */
    void recordMemory(RunMemory memory) {
        record.setMemory(memory);
    }

    void writeCheckpoint(MultiLayerNetwork net, int epoch) throws IOException {
        writeModel(net, Checkpoints.file(dir, epoch));
        record.setEpochsCompleted(epoch);
        record.write();
    }

    void writeFinalModel(MultiLayerNetwork net) throws IOException {
        writeModel(net, dir.resolve(MODEL_ZIP));
    }

    /**
     * Ends the run as {@code status}, {@code reason} saying why (or null): closes the
     * metrics and records the end. Metrics that cannot be written fail any ending but a failure, which is
     * recorded all the same (the disk that failed the run may still take the small record).
     */
    void finish(RunStatus status, RunMessage reason) throws IOException {
        if (metrics != null) {
            MetricsCsv open = metrics;
            metrics = null;
            try {
                open.close();
            } catch (RunStorageException e) {
                if (status != RunStatus.FAILED) {
                    throw e;
                }
                LOGGER.warn("The last metrics rows are lost: {}", e.getMessage());
            }
        }
        record.setStatus(status, reason);
        record.write();
    }

    private static void writeModel(MultiLayerNetwork net, Path target) throws IOException {
        RunFiles.replace(target, tmp -> ModelSerializer.writeModel(net, tmp.toFile(), true));
    }

    /** Releases the run's lock (after {@link #finish}, or when a run never started); closes the metrics if open. */
    @Override
    public void close() {
        if (metrics != null) {
            try {
                metrics.close();
            } catch (IOException ignored) {
                // the run has already ended or failed; what it wrote is on disk
            }
            metrics = null;
        }
        if (lock != null) {
            lock.close();
        }
    }
}
