package org.ninexplorer.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.deeplearning4j.util.ModelSerializer;
import org.ninexplorer.model.Architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Small real runs on the bundled sample for the fault tests, and ways to look at what they left. */
final class RunFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private RunFixtures() {
    }

    /** 320 training images at batch 32 (10 iterations an epoch), 100 test images. */
    static TrainingRequest request(Architecture arch, Path dir, int epochs) {
        return new TrainingRequest(arch, Hyperparameters.defaults().withEpochs(epochs).withBatchSize(32),
                TinyNets.sample(), "sample", dir, 320, 100);
    }

    static TrainingEvent.Finished train(Architecture arch, Path dir, int epochs) throws TrainingException {
        return new TrainingRun(request(arch, dir, epochs), e -> { }).call();
    }

    static TrainingEvent.Finished resume(Path dir, int epochs, Consumer<TrainingEvent> events) throws TrainingException {
        return TrainingRun.resume(RunDirectory.openForResume(dir), TinyNets.sample(), epochs, events).call();
    }

    /** Rewrites run.json with {@code edit} applied, as a user with an editor (or another version) would. */
    static void editRecord(Path dir, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(dir.resolve("run.json").toFile());
        edit.accept(root);
        Files.writeString(dir.resolve("run.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    static List<String> epochRows(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("metrics.csv")).stream().filter(l -> l.startsWith("epoch,")).toList();
    }

    static float[] params(Path model) throws IOException {
        return ModelSerializer.restoreMultiLayerNetwork(model.toFile(), false).params().toFloatVector();
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** Every file under {@code dir} whose name ends in .tmp. */
    static List<Path> temporaries(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
