package org.ninexplorer.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.ArchitectureFormatException;
import org.ninexplorer.model.ArchitectureJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A run's {@code run.json}: what was trained, how, on what and how far it got. Reading checks every
 * field a resume needs, so a damaged or hand-edited record fails with one sentence naming the file and
 * the field ({@code run.json: hyperparameters.learningRate: expected a number, got "fast"}).
 */
public final class RunRecord {

    public static final String FILE = "run.json";
    /** The newest format this version reads and writes; a record of a newer one is refused, not misread. */
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final ObjectNode root;
    private final Architecture architecture;
    private final Hyperparameters hyperparameters;
    private RunStatus status;

    private RunRecord(Path file, ObjectNode root, Architecture architecture, Hyperparameters hyperparameters,
                      RunStatus status) {
        this.file = file;
        this.root = root;
        this.architecture = architecture;
        this.hyperparameters = hyperparameters;
        this.status = status;
    }

    /** The record of a run about to start in {@code dir}; nothing is written yet. */
    static RunRecord create(Path dir, TrainingRequest request, BackendInfo backend) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("created", Instant.now().toString());
        try {
            root.set("architecture", MAPPER.readTree(ArchitectureJson.write(request.architecture())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot parse the JSON we wrote", e);
        }
        root.putObject("hyperparameters");
        ObjectNode d = root.putObject("dataset");
        d.put("spec", request.datasetSpec());
        d.put("name", request.dataset().name());
        d.put("classes", request.dataset().classes());
        d.put("limitTrain", request.limitTrain());
        d.put("limitTest", request.limitTest());
        ObjectNode b = root.putObject("backend");
        b.put("kind", backend.kind());
        b.put("description", backend.description());
        ObjectNode v = root.putObject("versions");
        v.put("app", Versions.app());
        v.put("dl4j", Versions.DL4J);
        v.put("java", Versions.java());
        root.put("status", RunStatus.RUNNING.label());
        root.put("epochsCompleted", 0);
        RunRecord record = new RunRecord(dir.resolve(FILE), root, request.architecture(), request.hyperparameters(),
                RunStatus.RUNNING);
        record.putHyperparameters(request.hyperparameters());
        return record;
    }

    /** Reads and checks {@code dir/run.json}. */
    public static RunRecord read(Path dir) throws TrainingException {
        Path file = dir.resolve(FILE);
        JsonNode node;
        try {
            node = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.NOT_A_RUN, dir.toString(), FILE), e);
        } catch (JsonProcessingException e) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.RECORD_NOT_JSON, file.toString(),
                    String.valueOf(e.getLocation().getLineNr()), e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new TrainingException(RunFiles.cannotRead(file, e), e);
        }
        if (!(node instanceof ObjectNode root)) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.RECORD_NOT_AN_OBJECT, file.toString()));
        }
        JsonNode version = root.get("schemaVersion");
        if (version != null && version.isIntegralNumber() && version.asInt() > SCHEMA_VERSION) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.RECORD_NEWER, file.toString(),
                    String.valueOf(version.asInt()), String.valueOf(SCHEMA_VERSION)));
        }
        Fields f = new Fields(file, root);
        Architecture architecture;
        try {
            architecture = ArchitectureJson.read(f.object("architecture").toString());
        } catch (ArchitectureFormatException e) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.RECORD_FIELD, file.toString(),
                    e.within("architecture")), e);
        }
        Hyperparameters hp = new Hyperparameters(
                f.parsed("hyperparameters.optimizer", Optimizer::parse),
                f.number("hyperparameters.learningRate"),
                // Runs recorded before schedules existed trained at a constant rate.
                f.has("hyperparameters.schedule") ? f.parsed("hyperparameters.schedule", LearningRateSchedule::parse)
                        : LearningRateSchedule.CONSTANT,
                f.whole("hyperparameters.batchSize"),
                f.whole("hyperparameters.epochs"),
                f.longWhole("hyperparameters.seed"),
                f.parsed("hyperparameters.weightInit", Hyperparameters.WeightInitChoice::parse));
        List<String> problems = hp.problems();
        if (!problems.isEmpty()) {
            throw new TrainingException(RunMessage.of(RunMessage.Code.RECORD_HYPERPARAMETERS, file.toString(),
                    String.join("; ", problems)));
        }
        f.text("dataset.spec");
        f.whole("dataset.limitTrain");
        f.whole("dataset.limitTest");
        f.whole("epochsCompleted");
        RunStatus status = f.parsed("status", RunStatus::parse);
        return new RunRecord(file, root, architecture, hp, status);
    }

    public Path file() {
        return file;
    }

    public Architecture architecture() {
        return architecture;
    }

    public Hyperparameters hyperparameters() {
        return hyperparameters;
    }

    /** How to open the dataset again: {@code sample}, {@code fashion-mnist}, {@code mnist} or a folder. */
    public String datasetSpec() {
        return root.path("dataset").path("spec").asText();
    }

    public int limitTrain() {
        return root.path("dataset").path("limitTrain").asInt();
    }

    public int limitTest() {
        return root.path("dataset").path("limitTest").asInt();
    }

    /** The name the user gave the run in the Runs view; empty when none (the folder's name stands for it). */
    public String name() {
        return root.path("name").asText("");
    }

    /** A display name only: the folder keeps its name, so paths the user noted still lead to the run. */
    void setName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            root.remove("name");
        } else {
            root.put("name", trimmed);
        }
    }

    /** When the run was started; empty for a record without a readable time. */
    public Optional<Instant> created() {
        try {
            return Optional.of(Instant.parse(root.path("created").asText("")));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The dataset's name as it was opened, e.g. "Fashion-MNIST (bundled sample)". */
    public String datasetName() {
        return root.path("dataset").path("name").asText(datasetSpec());
    }

    public RunStatus status() {
        return status;
    }

    /**
     * Why the run ended as it did; empty while running or if none was given. A record written before reasons
     * were codes holds an English sentence, said as it is.
     */
    public Optional<RunMessage> reason() {
        JsonNode reason = root.path("reason");
        return reason.isMissingNode() || reason.isNull() ? Optional.empty() : Optional.of(message(reason));
    }

    /** {@code {"code": "diverged", "args": ["3", "12", {"code": "loss-not-finite", ...}, ...]}}, or old text. */
    private static RunMessage message(JsonNode node) {
        if (!node.isObject()) {
            return RunMessage.text(node.asText());
        }
        String key = node.path("code").asText();
        Optional<RunMessage.Code> code = Arrays.stream(RunMessage.Code.values())
                .filter(c -> c.key().equals(key)).findFirst();
        if (code.isEmpty()) {
            return RunMessage.text(node.toString()); // written by a newer version: still shown, if not worded
        }
        List<Object> args = new ArrayList<>();
        node.path("args").forEach(a -> args.add(a.isObject() ? message(a) : a.isInt() ? (Object) a.asInt() : a.asText()));
        return new RunMessage(code.get(), args);
    }

    private static ObjectNode json(RunMessage message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("code", message.code().key());
        ArrayNode args = node.putArray("args");
        for (Object arg : message.args()) {
            if (arg instanceof RunMessage nested) {
                args.add(json(nested));
            } else if (arg instanceof Integer number) {
                args.add(number);
            } else {
                args.add(String.valueOf(arg));
            }
        }
        return node;
    }

    public int epochsCompleted() {
        return root.path("epochsCompleted").asInt();
    }

    void setEpochsCompleted(int epochs) {
        root.put("epochsCompleted", epochs);
    }

    /** The run's memory as last recorded; empty for runs recorded before it was. */
    public Optional<RunMemory> memory() {
        JsonNode m = root.path("memory");
        if (!m.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new RunMemory(m.path("batch").asInt(), m.path("countedPredictionBytes").asLong(),
                m.path("countedTrainingBytes").asLong(), m.path("estimatedBytes").asLong(),
                m.path("peakResidentBytes").asLong()));
    }

    void setMemory(RunMemory memory) {
        ObjectNode m = root.putObject("memory");
        m.put("batch", memory.batch());
        m.put("countedPredictionBytes", memory.countedPredictionBytes());
        m.put("countedTrainingBytes", memory.countedTrainingBytes());
        m.put("estimatedBytes", memory.estimatedBytes());
        m.put("peakResidentBytes", memory.peakResidentBytes());
    }

    /** A resumed run may train to a new number of epochs; the rest of its recipe is fixed. */
    void setEpochs(int epochs) {
        ((ObjectNode) root.get("hyperparameters")).put("epochs", epochs);
    }

    void setStatus(RunStatus value, RunMessage reason) {
        status = value;
        root.put("status", value.label());
        if (reason == null) {
            root.remove("reason");
        } else {
            root.set("reason", json(reason));
        }
    }

    void write() throws RunStorageException {
        RunFiles.replace(file, tmp -> Files.writeString(tmp,
                MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8));
    }

    private void putHyperparameters(Hyperparameters hp) {
        ObjectNode h = (ObjectNode) root.get("hyperparameters");
        h.put("optimizer", hp.optimizer().label());
        h.put("learningRate", hp.learningRate());
        h.put("schedule", hp.schedule().label());
        h.put("batchSize", hp.batchSize());
        h.put("epochs", hp.epochs());
        h.put("seed", hp.seed());
        h.put("weightInit", hp.weightInit().label());
    }

    /** Typed access to dotted paths of the record, each failure a sentence naming the file and the path. */
    private record Fields(Path file, ObjectNode root) {

        boolean has(String path) {
            JsonNode node = node(path);
            return node != null && !node.isNull();
        }

        JsonNode object(String path) throws TrainingException {
            JsonNode node = required(path);
            if (!node.isObject()) {
                throw problem(path, RunMessage.Code.RECORD_NOT_AN_OBJECT_FIELD, node);
            }
            return node;
        }

        String text(String path) throws TrainingException {
            JsonNode node = required(path);
            if (!node.isTextual()) {
                throw problem(path, RunMessage.Code.RECORD_NOT_A_STRING, node);
            }
            return node.asText();
        }

        <T> T parsed(String path, Function<String, T> parser) throws TrainingException {
            String text = text(path);
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException e) {
                throw problem(path, RunMessage.Code.RECORD_UNPARSED, e.getMessage());
            }
        }

        double number(String path) throws TrainingException {
            JsonNode node = required(path);
            if (!node.isNumber()) {
                throw problem(path, RunMessage.Code.RECORD_NOT_A_NUMBER, node);
            }
            return node.asDouble();
        }

        int whole(String path) throws TrainingException {
            JsonNode node = required(path);
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw problem(path, RunMessage.Code.RECORD_NOT_A_WHOLE_NUMBER, node);
            }
            return node.asInt();
        }

        long longWhole(String path) throws TrainingException {
            JsonNode node = required(path);
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw problem(path, RunMessage.Code.RECORD_NOT_A_WHOLE_NUMBER, node);
            }
            return node.asLong();
        }

        private JsonNode required(String path) throws TrainingException {
            if (!has(path)) {
                int dot = path.lastIndexOf('.');
                if (dot > 0 && !has(path.substring(0, dot))) {
                    throw problem(path.substring(0, dot), RunMessage.Code.RECORD_MISSING);
                }
                throw problem(path, RunMessage.Code.RECORD_MISSING);
            }
            return node(path);
        }

        private JsonNode node(String path) {
            JsonNode node = root;
            for (String part : path.split("\\.")) {
                node = node == null || !node.isObject() ? null : node.get(part);
            }
            return node;
        }

        /** The record's file, the field's path, then what the code takes (the value, the parser's words). */
        private TrainingException problem(String path, RunMessage.Code code, Object... what) {
            List<Object> args = new ArrayList<>(List.of(file.toString(), path));
            java.util.Arrays.stream(what).map(String::valueOf).forEach(args::add);
            return new TrainingException(new RunMessage(code, args));
        }
    }
}
