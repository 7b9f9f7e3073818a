package org.ninexplorer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.training.TinyNets;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code train --resume}: what it applies (more epochs), what it refuses, and that it continues exactly. */
class TrainResumeCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return NinCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private int train(Path dir, Path runDir, int epochs) throws Exception {
        Path arch = dir.resolve("tiny.json");
        ArchitectureJson.save(TinyNets.TINY_28, arch);
        return run("train", "--arch", arch.toString(), "--dataset", "sample", "--epochs", String.valueOf(epochs),
                "--batch", "32", "--limit-train", "320", "--limit-test", "100", "--run-dir", runDir.toString(),
                "--data-dir", dir.toString());
    }

    @Test
    void moreEpochsContinueARunAsIfItHadBeenAskedForThemAtTheStart(@TempDir Path dir) throws Exception {
        Path straight = dir.resolve("straight");
        Path extended = dir.resolve("extended");
        assertThat(train(dir, straight, 2)).as(err.toString()).isZero();
        assertThat(train(dir, extended, 1)).as(err.toString()).isZero();

        assertThat(run("train", "--resume", extended.toString(), "--epochs", "2", "--data-dir", dir.toString()))
                .as(err.toString()).isZero();

        assertThat(err.toString()).contains("resuming " + extended + " (completed, 1 of 1 epochs done; now training to 2 epochs)");
        assertThat(out.toString().lines().filter(l -> l.startsWith("epoch "))).singleElement().asString()
                .startsWith("epoch 2,");
        assertThat(withoutTimes(extended)).isEqualTo(withoutTimes(straight));
        assertThat(params(extended)).containsExactly(params(straight));
        assertThat(Files.readString(extended.resolve("run.json"))).contains("\"epochs\" : 2", "\"status\" : \"completed\"");
    }

    @Test
    void settingsGivenWithResumeAreAppliedOrRefusedNeverIgnored(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        assertThat(train(dir, runDir, 1)).as(err.toString()).isZero();
        String metrics = Files.readString(runDir.resolve("metrics.csv"));
        String resume = runDir.toString();

        assertThat(run("train", "--resume", resume, "--data-dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("The run in " + runDir + " is complete: it trained all 1 epochs",
                "Give --epochs with more than 1 to train it further.");

        assertThat(run("train", "--resume", resume, "--lr", "0.1", "--dataset", "mnist", "--batch", "64",
                "--limit-train", "10", "--preset", "fashion-28")).isEqualTo(2);
        assertThat(err.toString()).contains("--resume continues a run with the settings in its run.json",
                "--lr 0.1 (the run has 0.002)", "--dataset mnist (the run has sample)", "--batch 64 (the run has 32)",
                "--limit-train 10 (the run has 320)", "--preset (a resumed run keeps its folder and the architecture",
                "Only --epochs (to train it further) and --data-dir apply");

        assertThat(run("train", "--resume", resume, "--epochs", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("has already trained 1 epochs; give at least 2");

        assertThat(runDir.resolve("metrics.csv")).hasContent(metrics);
        assertThat(Files.readString(runDir.resolve("run.json"))).contains("\"status\" : \"completed\"");

        // The same values as the record's are no change, and a larger --epochs applies.
        assertThat(run("train", "--resume", resume, "--batch", "32", "--dataset", "sample", "--epochs", "2",
                "--data-dir", dir.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("epoch 2,");
    }

    @Test
    void aDamagedRecordIsOneSentenceNamingTheField(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        assertThat(train(dir, runDir, 1)).as(err.toString()).isZero();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(runDir.resolve("run.json").toFile());
        ((ObjectNode) root.get("hyperparameters")).put("learningRate", "fast");
        Files.writeString(runDir.resolve("run.json"), json.writeValueAsString(root));

        assertThat(run("train", "--resume", runDir.toString(), "--epochs", "2")).isEqualTo(2);

        assertThat(err.toString().strip()).isEqualTo("error: " + runDir.resolve("run.json")
                + ": hyperparameters.learningRate: expected a number, got \"fast\".");
    }

    private static List<String> withoutTimes(Path run) throws Exception {
        return Files.readAllLines(run.resolve("metrics.csv")).stream()
                .map(l -> String.join(",", Arrays.copyOf(l.split(",", -1), 6))).toList();
    }

    private static float[] params(Path run) throws Exception {
        return ModelSerializer.restoreMultiLayerNetwork(run.resolve("model.zip").toFile(), false).params().toFloatVector();
    }
}
