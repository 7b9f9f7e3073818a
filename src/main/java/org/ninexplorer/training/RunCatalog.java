package org.ninexplorer.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.deeplearning4j.util.ModelSerializer;
import org.ninexplorer.data.Datasets;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.ShapeInference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs library: every run in the given folders (a folder is a run itself, or holds runs one level down),
 * summarised from its files. Listing never throws and never changes a file; a run that cannot be read is
 * listed as {@link RunSummary.State#DAMAGED} with the reason. Renaming and deleting take the run's lock, so
 * neither touches a run that is being trained.
 */
public final class RunCatalog {

    private static final Logger LOGGER = LoggerFactory.getLogger(RunCatalog.class);

    private final List<Path> roots;

    public RunCatalog(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** Every run found, the newest first. */
    public List<RunSummary> list() {
        Set<Path> folders = new LinkedHashSet<>();
        for (Path root : roots) {
            if (isRun(root)) {
                folders.add(root.toAbsolutePath().normalize());
            } else if (Files.isDirectory(root)) {
                try (Stream<Path> children = Files.list(root)) {
                    children.filter(RunCatalog::isRun).map(p -> p.toAbsolutePath().normalize()).sorted()
                            .forEach(folders::add);
                } catch (IOException | RuntimeException e) {
                    LOGGER.warn("Cannot list the runs in {}: {}", root, e.toString());
                }
            }
        }
        return folders.stream().map(RunCatalog::summarise)
                .sorted(Comparator.comparing(RunSummary::created).reversed()).toList();
    }

    /** A folder is a run when it has a record or a lock (a run that is just starting has only the lock). */
    static boolean isRun(Path folder) {
        return Files.isDirectory(folder)
                && (Files.exists(folder.resolve(RunRecord.FILE)) || Files.exists(folder.resolve(RunLock.FILE)));
    }

    /** What the run in {@code folder} is; never throws. */
    public static RunSummary summarise(Path folder) {
        try {
            return read(folder);
        } catch (RuntimeException e) {
            LOGGER.warn("Cannot summarise the run in {}", folder, e);
            return damaged(folder, RunMessage.of(RunMessage.Code.UNREADABLE, e.toString()));
        }
    }

    private static RunSummary read(Path folder) {
        RunLock.Probe lock = RunLock.probe(folder);
        if (!Files.exists(folder.resolve(RunRecord.FILE))) {
            return lock.held() ? new RunSummary(folder, folder.getFileName().toString(), folderTime(folder), null, null,
                    -1, -1, "", 0, 0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 0,
                    OptionalDouble.empty(), OptionalDouble.empty(), -1, RunSummary.State.RUNNING,
                    Optional.of(RunMessage.of(RunMessage.Code.STARTING, lock.owner().orElseThrow())))
                    : damaged(folder, RunMessage.of(RunMessage.Code.NO_RECORD, RunRecord.FILE));
        }
        RunRecord record;
        try {
            record = RunRecord.read(folder);
        } catch (TrainingException e) {
            return damaged(folder, RunMessage.of(e));
        }
        Analysis analysis = ShapeInference.analyze(record.architecture());
        long memory = analysis.valid() ? MemoryCheck.estimate(record.architecture(), record.hyperparameters(),
                Math.max(1, Datasets.knownTrainImages(record.datasetSpec(), record.limitTrain())), 0).totalBytes() : -1;
        RunSummary.State state;
        Optional<RunMessage> reason = record.reason();
        if (lock.held()) {
            state = RunSummary.State.RUNNING;
            reason = Optional.of(RunMessage.of(RunMessage.Code.BEING_TRAINED, lock.owner().orElseThrow()));
        } else if (record.status() == RunStatus.RUNNING || lock.stale()) {
            state = RunSummary.State.INTERRUPTED;
            reason = Optional.of(lock.owner().map(owner -> RunMessage.of(RunMessage.Code.KILLED_BY, owner))
                    .orElse(RunMessage.of(RunMessage.Code.KILLED)));
        } else {
            state = RunSummary.State.of(record.status());
        }
        Optional<RunMessage> damage = state == RunSummary.State.RUNNING ? Optional.empty() : damage(folder, record);
        RunMetrics metrics;
        try {
            metrics = RunMetrics.read(folder);
        } catch (RunStorageException e) {
            metrics = new RunMetrics(List.of(), List.of());
            damage = damage.or(() -> Optional.of(RunMessage.of(e)));
        }
        if (damage.isPresent()) {
            state = RunSummary.State.DAMAGED;
            reason = damage;
        }
        String name = record.name().isEmpty() ? folder.getFileName().toString() : record.name();
        return new RunSummary(folder, name, record.created().orElseGet(() -> folderTime(folder)),
                record.architecture(), record.hyperparameters(), analysis.valid() ? analysis.totalParams() : -1,
                analysis.valid() ? analysis.totalMacs() : -1, record.datasetName(), record.epochsCompleted(),
                record.hyperparameters().epochs(), metrics.bestTestAccuracy(), metrics.finalTestAccuracy(),
                metrics.finalTrainAccuracy(), metrics.wallSeconds(), metrics.secondsPerEpoch(),
                metrics.imagesPerSecond(), memory, state, reason);
    }

    /** A model file that does not open as DL4J's zip (cut short, overwritten), or a completed run without one. */
    private static Optional<RunMessage> damage(Path folder, RunRecord record) {
        List<Path> models = new ArrayList<>();
        Path model = folder.resolve(RunDirectory.MODEL_ZIP);
        if (Files.exists(model)) {
            models.add(model);
        } else if (record.status() == RunStatus.COMPLETED) {
            return Optional.of(RunMessage.of(RunMessage.Code.MODEL_MISSING, RunDirectory.MODEL_ZIP));
        }
        try {
            models.addAll(Checkpoints.newestFirst(folder));
        } catch (TrainingException e) {
            return Optional.of(RunMessage.of(e));
        }
        for (Path file : models) {
            Optional<RunMessage> problem = modelProblem(folder, file);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** Why the model or checkpoint {@code file} of the run in {@code folder} does not open as DL4J's zip, if it does not. */
    public static Optional<RunMessage> modelProblem(Path folder, Path file) {
        String name = folder.relativize(file).toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry(ModelSerializer.CONFIGURATION_JSON) == null
                    || zip.getEntry(ModelSerializer.COEFFICIENTS_BIN) == null) {
                return Optional.of(RunMessage.of(RunMessage.Code.MODEL_HOLDS_NO_NETWORK, name));
            }
        } catch (IOException e) {
            return Optional.of(RunMessage.of(RunMessage.Code.MODEL_CUT_SHORT, name, RunFiles.reason(e)));
        }
        return Optional.empty();
    }

    private static RunSummary damaged(Path folder, RunMessage reason) {
        return new RunSummary(folder, folder.getFileName().toString(), folderTime(folder), null, null, -1, -1, "", 0, 0,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 0, OptionalDouble.empty(),
                OptionalDouble.empty(), -1, RunSummary.State.DAMAGED, Optional.of(reason));
    }

    private static Instant folderTime(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** The network to look at: {@code model.zip}, else the newest checkpoint; empty when there is neither. */
    public static Optional<Path> modelFile(Path folder) {
        Path model = folder.resolve(RunDirectory.MODEL_ZIP);
        if (Files.exists(model)) {
            return Optional.of(model);
        }
        try {
            return Checkpoints.newestFirst(folder).stream().findFirst();
        } catch (TrainingException e) {
            return Optional.empty();
        }
    }

    /** Gives the run a display name (empty: back to its folder's name); refused while it trains. */
    public static void rename(Path folder, String name) throws TrainingException {
        try (RunLock lock = RunLock.acquire(folder)) {
            RunRecord record = RunRecord.read(folder);
            record.setName(name);
            record.write();
        } catch (RunStorageException e) {
            throw new TrainingException(RunMessage.of(e), e);
        }
    }

    /**
     * Deletes the run's folder and everything in it, for good; refused while it trains and for a folder that
     * is not a run. The caller has asked the user first (and tried the desktop's trash).
     */
    public static void delete(Path folder) throws TrainingException {
        if (!isRun(folder)) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.NOT_DELETED, folder.toString()));
        }
        RunLock.Probe lock = RunLock.probe(folder);
        if (lock.held()) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.HELD_NOT_DELETED, folder.toString(),
                    lock.owner().orElseThrow()));
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.CANNOT_DELETE, folder.toString(),
                    RunFiles.reason(e)), e);
        }
    }
}
