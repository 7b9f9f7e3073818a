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
import java.util.stream.IntStream;
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

    /** A constant rate: the recipe's warm-up would hold SGD's 0.5 low long enough to tame it. */
    @ParameterizedTest(name = "{0} lr {1}")
    @CsvSource({"sgd, 1e6", "sgd, 0.5", "adam, 1e6"})
    void aBlownUpRunIsDivergedNotCompleted(String optimizer, String lr, @TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        int status = train("--preset", "fashion-28", "--dataset", "sample", "--epochs", "2", "--optimizer", optimizer,
                "--lr", lr, "--schedule", "constant", "--run-dir", runDir.toString(), "--data-dir", dir.toString());

        assertThat(status).as(out + "\n" + err).isEqualTo(1);
        assertDiverged(runDir);
        assertThat(runDir.resolve("model.zip")).doesNotExist();
    }

    /**
     * A run trains one good epoch; its record is then edited to a learning rate of a million, so that the
     * resumed run surely blows up after a good checkpoint, whatever the data.
     */
    @Test
    void theLastGoodCheckpointIsKept(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        assertThat(train("--preset", "fashion-28", "--dataset", "sample", "--epochs", "1", "--optimizer", "sgd",
                "--lr", "0.01", "--schedule", "constant", "--limit-train", "256", "--limit-test", "64",
                "--run-dir", runDir.toString(), "--data-dir", dir.toString())).as(out + "\n" + err).isZero();
        Path record = runDir.resolve("run.json");
        Files.writeString(record, Files.readString(record).replaceFirst("\"learningRate\" : [0-9.]+",
                "\"learningRate\" : 1000000.0"));

        int status = train("--resume", runDir.toString(), "--epochs", "3", "--data-dir", dir.toString());

        assertThat(status).as(out + "\n" + err).isEqualTo(1);
        assertThat(assertDiverged(runDir)).as("the epoch that diverged").isEqualTo(2);
        assertThat(out.toString()).contains("The last good checkpoint, after epoch 1, is kept");
    }

    private int train(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        return NinCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    /**
     * Checks status, message and metrics, that the checkpoints are those of the epochs before the one that
     * diverged, and that no model written holds a non-finite number; returns the epoch that diverged.
     */
    private int assertDiverged(Path runDir) throws IOException {
        Matcher m = DIVERGED.matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        int epoch = Integer.parseInt(m.group(1));
        int iteration = Integer.parseInt(m.group(2));
        assertThat(Files.readString(runDir.resolve("run.json")))
                .contains("\"status\" : \"diverged\"", "\"code\" : \"diverged\"",
                        "\"args\" : [ \"" + epoch + "\", \"" + iteration + "\"");

        List<String> rows = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertThat(rows).filteredOn(r -> r.startsWith("epoch,")).hasSize(epoch - 1);
        assertThat(rows).filteredOn(r -> r.startsWith("iter," + epoch + ",")).hasSize(iteration - 1);
        try (Stream<Path> checkpoints = Files.list(runDir.resolve("checkpoints"))) {
            assertThat(checkpoints.map(f -> f.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(IntStream.range(1, epoch).mapToObj(e -> "epoch-" + e + ".zip").toList());
        }
        try (Stream<Path> files = Files.walk(runDir)) {
            for (Path model : files.filter(f -> f.toString().endsWith(".zip")).toList()) {
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
