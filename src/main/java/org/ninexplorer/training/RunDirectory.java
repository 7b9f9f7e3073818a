package org.ninexplorer.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.ArchitectureFormatException;
import org.ninexplorer.model.ArchitectureJson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One run on disk: {@code run.json} (what was trained, how, on what, where), an append-only
 * {@code metrics.csv}, {@code checkpoints/epoch-N.zip} with updater state, and {@code model.zip}.
 * Every file but the CSV is written to a temporary file and moved into place, so a killed app
 * leaves either the old or the new version, never half of one.
 */
public final class RunDirectory {

    public static final String RUN_JSON = "run.json";
    public static final String METRICS_CSV = "metrics.csv";
    public static final String MODEL_ZIP = "model.zip";
    private static final String CSV_HEADER = "kind,epoch,iteration,loss,train_acc,test_acc,seconds,images_per_s";
    private static final Pattern CHECKPOINT = Pattern.compile("epoch-(\\d+)\\.zip");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final ObjectNode record;
    private BufferedWriter metrics;

    private RunDirectory(Path dir, ObjectNode record) {
        this.dir = dir;
        this.record = record;
    }

    /** Starts a new run in {@code dir}, which must be empty or missing, and must be writable. */
    static RunDirectory create(Path dir, TrainingRequest request, BackendInfo backend) throws TrainingException {
        if (Files.exists(dir.resolve(RUN_JSON))) {
            throw new TrainingException("The run directory " + dir + " already holds a run; resume it or choose another.");
        }
        ObjectNode record = MAPPER.createObjectNode();
        record.put("schemaVersion", 1);
        record.put("created", Instant.now().toString());
        try {
            record.set("architecture", MAPPER.readTree(ArchitectureJson.write(request.architecture())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Hyperparameters hp = request.hyperparameters();
        ObjectNode h = record.putObject("hyperparameters");
        h.put("optimizer", hp.optimizer().label());
        h.put("learningRate", hp.learningRate());
        h.put("schedule", hp.schedule().label());
        h.put("batchSize", hp.batchSize());
        h.put("epochs", hp.epochs());
        h.put("seed", hp.seed());
        h.put("weightInit", hp.weightInit().label());
        ObjectNode d = record.putObject("dataset");
        d.put("spec", request.datasetSpec());
        d.put("name", request.dataset().name());
        d.put("classes", request.dataset().classes());
        d.put("limitTrain", request.limitTrain());
        d.put("limitTest", request.limitTest());
        ObjectNode b = record.putObject("backend");
        b.put("kind", backend.kind());
        b.put("description", backend.description());
        ObjectNode v = record.putObject("versions");
        String app = RunDirectory.class.getPackage().getImplementationVersion();
        v.put("app", app == null ? "development" : app);
        v.put("dl4j", "1.0.0-M2.1");
        v.put("java", System.getProperty("java.version"));
        record.put("status", "running");
        record.put("epochsCompleted", 0);
        RunDirectory run = new RunDirectory(dir, record);
        try {
            Files.createDirectories(dir.resolve("checkpoints"));
            run.writeRecord();
            Files.writeString(dir.resolve(METRICS_CSV), CSV_HEADER + "\n", StandardCharsets.UTF_8);
            run.openMetrics();
        } catch (IOException e) {
            throw new TrainingException("Cannot write the run directory " + dir + ": " + e.getMessage()
                    + ". Choose a folder you can write to.", e);
        }
        return run;
    }

    /** Opens an existing run to continue it from its last checkpoint. */
    public static RunDirectory open(Path dir) throws TrainingException {
        try {
            JsonNode node = MAPPER.readTree(dir.resolve(RUN_JSON).toFile());
            if (!(node instanceof ObjectNode record) || !record.has("architecture")) {
                throw new TrainingException(dir.resolve(RUN_JSON) + " is not a NiN Explorer run record.");
            }
            return new RunDirectory(dir, record);
        } catch (IOException e) {
            throw new TrainingException("Cannot read " + dir.resolve(RUN_JSON) + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return dir;
    }

    public Architecture architecture() throws TrainingException {
        try {
            return ArchitectureJson.read(record.get("architecture").toString());
        } catch (ArchitectureFormatException e) {
            throw new TrainingException(dir.resolve(RUN_JSON) + ": architecture." + e.getMessage(), e);
        }
    }

    public Hyperparameters hyperparameters() {
        JsonNode h = record.get("hyperparameters");
        // Runs recorded before schedules existed trained at a constant rate.
        LearningRateSchedule schedule = LearningRateSchedule.parse(h.path("schedule").asText("constant"));
        return new Hyperparameters(Optimizer.parse(h.get("optimizer").asText()), h.get("learningRate").asDouble(),
                schedule, h.get("batchSize").asInt(), h.get("epochs").asInt(), h.get("seed").asLong(),
                Hyperparameters.WeightInitChoice.parse(h.get("weightInit").asText()));
    }

    public String datasetSpec() {
        return record.get("dataset").get("spec").asText();
    }

    public int limitTrain() {
        return record.get("dataset").get("limitTrain").asInt();
    }

    public int limitTest() {
        return record.get("dataset").get("limitTest").asInt();
    }

    public String status() {
        return record.get("status").asText();
    }

    /** The newest per-epoch checkpoint, if any. */
    public Optional<Checkpoint> lastCheckpoint() throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        if (!Files.isDirectory(checkpoints)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.map(f -> {
                Matcher m = CHECKPOINT.matcher(f.getFileName().toString());
                return m.matches() ? new Checkpoint(Integer.parseInt(m.group(1)), f) : null;
            }).filter(java.util.Objects::nonNull).max(java.util.Comparator.comparingInt(Checkpoint::epoch));
        }
    }

    /** @param epoch the number of completed epochs this checkpoint holds */
    public record Checkpoint(int epoch, Path file) {
    }

    /** Drops metric rows past the checkpoint we continue from, then reopens the CSV for appending. */
    void prepareResume(int epochsCompleted) throws IOException {
        Path csv = dir.resolve(METRICS_CSV);
        List<String> kept = Files.exists(csv)
                ? Files.readAllLines(csv).stream().filter(line -> keepRow(line, epochsCompleted)).toList()
                : List.of(CSV_HEADER);
        Path tmp = dir.resolve(METRICS_CSV + ".tmp");
        Files.write(tmp, kept, StandardCharsets.UTF_8);
        Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        openMetrics();
        record.put("status", "running");
        writeRecord();
    }

    private static boolean keepRow(String line, int epochsCompleted) {
        String[] cells = line.split(",");
        if (cells.length < 2 || !cells[1].matches("\\d+")) {
            return line.equals(CSV_HEADER);
        }
        return Integer.parseInt(cells[1]) <= epochsCompleted;
    }

    void appendIteration(int epoch, int iteration, double loss) throws IOException {
        metrics.write(String.format(Locale.ROOT, "iter,%d,%d,%.6f,,,,%n", epoch, iteration, loss));
    }

    void appendEpoch(TrainingEvent.Epoch e) throws IOException {
        metrics.write(String.format(Locale.ROOT, "epoch,%d,,%.6f,%.6f,%.6f,%.3f,%.1f%n", e.epoch(), e.trainLoss(),
                e.trainAccuracy(), e.testAccuracy(), e.seconds(), e.imagesPerSecond()));
        metrics.flush();
    }

    void writeCheckpoint(MultiLayerNetwork net, int epoch) throws IOException {
        writeModel(net, dir.resolve("checkpoints").resolve("epoch-" + epoch + ".zip"));
        record.put("epochsCompleted", epoch);
        writeRecord();
    }

    void writeFinalModel(MultiLayerNetwork net) throws IOException {
        writeModel(net, dir.resolve(MODEL_ZIP));
    }

    void finish(String status) throws IOException {
        if (metrics != null) {
            metrics.close();
        }
        record.put("status", status);
        writeRecord();
    }

    private static void writeModel(MultiLayerNetwork net, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        ModelSerializer.writeModel(net, tmp.toFile(), true);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void openMetrics() throws IOException {
        metrics = Files.newBufferedWriter(dir.resolve(METRICS_CSV), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private void writeRecord() throws IOException {
        Path tmp = dir.resolve(RUN_JSON + ".tmp");
        Files.writeString(tmp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(record), StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(RUN_JSON), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
