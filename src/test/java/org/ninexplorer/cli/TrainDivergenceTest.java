package org.ninexplorer.cli;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run whose numbers blow up is reported as diverged, on the default (fused, oneDNN) path too, where the
 * ReLU maps NaN to 0 and the loss alone settles at a finite ln 10; and no file it writes holds a
 * non-finite number.
 */
class TrainDivergenceTest {

    private static final Pattern DIVERGED = Pattern.compile("Training diverged in epoch (\\d+), iteration (\\d+): ");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest(name = "{0} lr {1}")
    @CsvSource({"sgd, 1e6", "sgd, 0.5", "adam, 1e6"})
    void aBlownUpRunIsDivergedNotCompleted(String optimizer, String lr, @TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        int status = NinCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "train", "--preset",
                "fashion-28", "--dataset", "sample", "--epochs", "2", "--optimizer", optimizer, "--lr", lr,
                "--run-dir", runDir.toString(), "--data-dir", dir.toString());

        assertThat(status).as(out + "\n" + err).isEqualTo(1);
        assertDiverged(runDir);
        assertThat(runDir.resolve("model.zip")).doesNotExist();
    }

    /** With SGD at 0.3 on 256 images, epoch 1 ends with finite weights and epoch 2 blows up (seed 42). */
    @Test
    void theLastGoodCheckpointIsKept(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        int status = NinCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "train", "--preset",
                "fashion-28", "--dataset", "sample", "--epochs", "6", "--optimizer", "sgd", "--lr", "0.3",
                "--schedule", "constant", "--limit-train", "256", "--limit-test", "64",
                "--run-dir", runDir.toString(), "--data-dir", dir.toString());

        assertThat(status).as(out + "\n" + err).isEqualTo(1);
        int epoch = assertDiverged(runDir);
        assertThat(epoch).as("the epoch that diverged").isGreaterThan(1);
        assertThat(out.toString()).contains("The last good checkpoint, after epoch " + (epoch - 1) + ", is kept");
        assertThat(runDir.resolve("checkpoints/epoch-" + (epoch - 1) + ".zip")).exists();
    }

    /** Checks status, message, metrics and every written model; returns the epoch that diverged. */
    private int assertDiverged(Path runDir) throws IOException {
        Matcher m = DIVERGED.matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        int epoch = Integer.parseInt(m.group(1));
        int iteration = Integer.parseInt(m.group(2));
        assertThat(Files.readString(runDir.resolve("run.json")))
                .contains("\"status\" : \"diverged\"", "\"reason\" : \"Training diverged in epoch " + epoch);

        List<String> rows = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertThat(rows).filteredOn(r -> r.startsWith("epoch,")).hasSize(epoch - 1);
        assertThat(rows).filteredOn(r -> r.startsWith("iter," + epoch + ",")).hasSize(iteration - 1);
        try (Stream<Path> files = Files.walk(runDir)) {
            List<Path> models = files.filter(f -> f.toString().endsWith(".zip")).toList();
            assertThat(models).hasSize(epoch - 1);
            for (Path model : models) {
                assertFinite(model);
            }
        }
        return epoch;
    }

    private static void assertFinite(Path model) throws IOException {
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(model.toFile(), true);
        for (INDArray values : List.of(net.params(), net.getUpdater().getStateViewArray())) {
            for (float v : values.data().asFloat()) {
                assertThat(Float.isFinite(v)).as("every number in %s is finite", model).isTrue();
            }
        }
    }
}
