package org.ninexplorer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.training.TinyNets;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code train} command on the bundled sample, in-process and as a separate, killed JVM. */
class TrainCommandTest {

    private static final String EPOCH_LINE =
            "epoch \\d+, loss \\d+\\.\\d{4}, train acc \\d\\.\\d{3}, test acc \\d\\.\\d{3}, time \\d+\\.\\d sec";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NinCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static Path tinyArch(Path dir) throws Exception {
        Path file = dir.resolve("tiny.json");
        ArchitectureJson.save(TinyNets.TINY_28, file);
        return file;
    }

    @Test
    void printsTheReferenceFormat(@TempDir Path dir) throws Exception {
        int status = run("train", "--arch", tinyArch(dir).toString(), "--dataset", "sample", "--epochs", "2",
                "--batch", "64", "--limit-train", "256", "--limit-test", "128", "--run-dir", dir.resolve("run").toString(),
                "--data-dir", dir.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("training on cpu");
        assertThat(lines.get(1)).matches("epoch 1, " + EPOCH_LINE.substring("epoch \\d+, ".length()));
        assertThat(lines.get(2)).matches(EPOCH_LINE).startsWith("epoch 2,");
        assertThat(lines.get(3)).contains("model.zip");
        assertThat(err.toString()).contains("dataset: Fashion-MNIST (bundled sample");
    }

    @Test
    void unsetOptionsComeFromTheNetsRecipe(@TempDir Path dir) throws Exception {
        Path recipe = dir.resolve("recipe");
        Path overridden = dir.resolve("overridden");
        String[] quick = {"--dataset", "sample", "--epochs", "1", "--limit-train", "64", "--limit-test", "32"};

        assertThat(run(concat(new String[] {"train", "--preset", "fashion-28", "--run-dir", recipe.toString()}, quick)))
                .as(err.toString()).isZero();
        assertThat(run(concat(new String[] {"train", "--preset", "fashion-28", "--schedule", "constant",
                "--weight-init", "xavier", "--run-dir", overridden.toString()}, quick))).as(err.toString()).isZero();

        // 64 training images are small data: the recipe's batch is 32 (its epochs are overridden here).
        assertThat(err.toString()).contains("recipe: adam, lr 0.002 warmup-cosine, batch 32, 1 epoch, he init, seed 42",
                "recipe: adam, lr 0.002 constant, batch 32, 1 epoch, xavier init, seed 42");
        assertThat(Files.readString(recipe.resolve("run.json")))
                .contains("\"schedule\" : \"warmup-cosine\"", "\"weightInit\" : \"he\"", "\"batchSize\" : 32");
        assertThat(Files.readString(overridden.resolve("run.json")))
                .contains("\"schedule\" : \"constant\"", "\"weightInit\" : \"xavier\"");
        // The end line puts the memory counted from the shapes beside the peak this process measured.
        assertThat(out.toString()).containsPattern("memory at batch 32: counted [0-9.]+ MB to train \\([0-9.]+ [KM]B "
                + "to predict\\), estimated [0-9.]+ [MG]B, measured peak [0-9.]+ [MG]B resident");
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
    }

    @Test
    void badSettingsAreOneClearLine(@TempDir Path dir) throws Exception {
        String arch = tinyArch(dir).toString();
        String runDir = dir.resolve("run").toString();
        assertThat(run("train", "--arch", arch, "--dataset", "sample", "--lr", "0", "--run-dir", runDir)).isEqualTo(2);
        assertThat(run("train", "--arch", arch, "--dataset", "sample", "--batch", "0", "--run-dir", runDir)).isEqualTo(2);
        assertThat(run("train", "--arch", arch, "--dataset", "sample", "--epochs", "0", "--run-dir", runDir)).isEqualTo(2);
        assertThat(run("train", "--arch", arch, "--dataset", "sample", "--optimizer", "rmsprop", "--run-dir", runDir))
                .isEqualTo(2);
        assertThat(run("train", "--arch", arch, "--dataset", "sample", "--schedule", "sideways", "--run-dir", runDir))
                .isEqualTo(2);
        assertThat(run("train", "--preset", "d2l-224", "--input", "1x28x28", "--dataset", "sample", "--run-dir", runDir))
                .isEqualTo(2);
        assertThat(run("train", "--arch", arch, "--dataset", dir.resolve("missing").toString(), "--run-dir", runDir))
                .isEqualTo(2);
        assertThat(err.toString()).contains("learning rate must be a positive number", "batch size must be at least 1",
                "epochs must be at least 1", "unknown optimizer 'rmsprop'", "unknown schedule 'sideways'", "is impossible");
        assertThat(out.toString()).doesNotContain("training on");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void aKilledRunResumesFromItsLastCheckpoint(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.ninexplorer.app.Main", "train",
                "--arch", tinyArch(dir).toString(), "--dataset", "sample", "--epochs", "3", "--batch", "32",
                "--limit-train", "640", "--limit-test", "64", "--run-dir", runDir.toString(), "--data-dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        Path firstCheckpoint = runDir.resolve("checkpoints").resolve("epoch-1.zip");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.exists(firstCheckpoint) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        process.destroyForcibly().waitFor();
        assertThat(firstCheckpoint).as(Files.readString(dir.resolve("killed.log"))).exists();
        assertThat(Files.exists(runDir.resolve("model.zip"))).as("killed before finishing").isFalse();

        int status = run("train", "--resume", runDir.toString(), "--data-dir", dir.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> epochs = out.toString().lines().filter(l -> l.startsWith("epoch ")).toList();
        assertThat(epochs).hasSizeBetween(1, 2).allMatch(l -> l.matches(EPOCH_LINE));
        assertThat(epochs.get(epochs.size() - 1)).startsWith("epoch 3,");
        assertThat(Files.readString(runDir.resolve("run.json"))).contains("\"status\" : \"completed\"");
        List<String> epochRows = Files.readAllLines(runDir.resolve("metrics.csv")).stream()
                .filter(l -> l.startsWith("epoch,")).toList();
        assertThat(epochRows).extracting(l -> l.split(",")[1]).containsExactly("1", "2", "3");
        assertThat(runDir.resolve("model.zip")).exists();
        assertThat(new File(runDir.toFile(), "checkpoints").list()).contains("epoch-1.zip", "epoch-3.zip");
    }
}
