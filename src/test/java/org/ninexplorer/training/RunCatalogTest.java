package org.ninexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.model.ShapeInference;

/** The runs library over real runs, each kind of damaged run among them; listing never throws or deletes. */
class RunCatalogTest {

    @TempDir
    static Path dir;
    private static Path completed;

    @BeforeAll
    static void trainOne() throws Exception {
        completed = dir.resolve("runs/20261201-100000-tiny");
        assertThat(RunFixtures.train(TinyNets.TINY_28, completed, 2).outcome()).isEqualTo(TrainingEvent.Outcome.COMPLETED);
    }

    private static Path copy(String name) throws Exception {
        Path to = dir.resolve("runs").resolve(name);
        RunFixtures.copy(completed, to);
        return to;
    }

    private static Map<String, RunSummary> list() {
        return new RunCatalog(List.of(dir.resolve("runs"))).list().stream()
                .collect(Collectors.toMap(RunSummary::folderName, Function.identity()));
    }

    @Test
    void aCompletedRunIsSummarisedFromItsFiles() throws Exception {
        RunSummary run = RunCatalog.summarise(completed);
        RunMetrics metrics = RunMetrics.read(completed);

        assertThat(run.state()).isEqualTo(RunSummary.State.COMPLETED);
        assertThat(run.name()).isEqualTo("20261201-100000-tiny");
        assertThat(run.params()).isEqualTo(ShapeInference.analyze(TinyNets.TINY_28).totalParams());
        assertThat(run.macs()).isEqualTo(ShapeInference.analyze(TinyNets.TINY_28).totalMacs());
        assertThat(run.dataset()).contains("sample");
        assertThat(run.epochsDone()).isEqualTo(2);
        assertThat(metrics.epochs()).hasSize(2);
        assertThat(metrics.iterations()).hasSize(20);
        assertThat(run.finalTestAccuracy().getAsDouble()).isEqualTo(metrics.epochs().get(1).testAccuracy());
        assertThat(run.bestTestAccuracy().getAsDouble()).isEqualTo(Math.max(metrics.epochs().get(0).testAccuracy(),
                metrics.epochs().get(1).testAccuracy()));
        // The catalogue sums the epochs in its own order: equal up to the last bit of a double.
        assertThat(run.wallSeconds()).isPositive().isCloseTo(metrics.epochs().get(0).seconds()
                + metrics.epochs().get(1).seconds(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(run.memoryBytes()).isPositive();
        assertThat(run.resumable()).isFalse();
        assertThat(run.openable()).isTrue();
    }

    @Test
    void eachKindOfDamageIsListedWithItsReasonAndNothingIsDeleted() throws Exception {
        Path truncated = copy("truncated-record");
        String json = Files.readString(truncated.resolve("run.json"));
        Files.writeString(truncated.resolve("run.json"), json.substring(0, json.length() / 2));
        Path invalid = copy("invalid-record");
        RunFixtures.editRecord(invalid, root -> root.with("hyperparameters").put("learningRate", "fast"));
        Path newer = copy("newer-format");
        RunFixtures.editRecord(newer, root -> root.put("schemaVersion", 2));
        Path noMetrics = copy("no-metrics");
        Files.delete(noMetrics.resolve("metrics.csv"));
        Path badCheckpoint = copy("bad-checkpoint");
        try (RandomAccessFile f = new RandomAccessFile(badCheckpoint.resolve("checkpoints/epoch-2.zip").toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        Path noModel = copy("no-model");
        Files.delete(noModel.resolve("model.zip"));
        Path onlyLock = Files.createDirectories(dir.resolve("runs/only-lock"));
        Files.writeString(onlyLock.resolve("run.lock"), "");
        Files.createDirectories(dir.resolve("runs/not-a-run"));
        Files.writeString(dir.resolve("runs/not-a-run/notes.txt"), "hello");
        long files = Files.walk(dir).count();

        Map<String, RunSummary> runs = list();

        assertThat(runs).doesNotContainKey("not-a-run");
        assertThat(damage(runs, "truncated-record")).contains("run.json is not valid JSON");
        assertThat(damage(runs, "invalid-record")).contains("hyperparameters.learningRate: expected a number, got \"fast\"");
        assertThat(damage(runs, "newer-format")).contains("written by a newer NiN Explorer (format 2");
        assertThat(damage(runs, "no-metrics")).isEqualTo("metrics.csv is missing.");
        assertThat(damage(runs, "bad-checkpoint")).startsWith("checkpoints/epoch-2.zip does not open");
        assertThat(damage(runs, "no-model")).contains("completed but its model.zip is missing");
        assertThat(damage(runs, "only-lock")).contains("has no run.json");
        // What could be read is kept: the damaged checkpoint's run still names its net.
        assertThat(runs.get("bad-checkpoint").params()).isEqualTo(runs.get("20261201-100000-tiny").params());
        assertThat(Files.walk(dir).count()).isEqualTo(files);
    }

    private static String damage(Map<String, RunSummary> runs, String name) {
        RunSummary run = runs.get(name);
        assertThat(run.state()).as(name).isEqualTo(RunSummary.State.DAMAGED);
        assertThat(run.openable()).isFalse();
        return English.of(run.reason());
    }

    @Test
    void aDisplayNameIsKeptInTheRecordAndTheFolderStays() throws Exception {
        Path run = copy("to-rename");

        RunCatalog.rename(run, "  wider first block ");

        assertThat(RunCatalog.summarise(run).name()).isEqualTo("wider first block");
        assertThat(RunRecord.read(run).status()).isEqualTo(RunStatus.COMPLETED);
        RunCatalog.rename(run, "");
        assertThat(RunCatalog.summarise(run).name()).isEqualTo("to-rename");
    }

    @Test
    void deletingRemovesTheRunOnlyAndRefusesARunThatTrains() throws Exception {
        Path run = copy("to-delete");
        Path other = Files.createDirectories(dir.resolve("plain-folder"));

        assertThatThrownBy(() -> RunCatalog.delete(other)).hasMessageContaining("is not a run folder");
        try (RunLock lock = RunLock.acquire(run)) {
            assertThat(RunCatalog.summarise(run).state()).isEqualTo(RunSummary.State.RUNNING);
            assertThatThrownBy(() -> RunCatalog.delete(run)).hasMessageContaining("being trained by this process");
            assertThatThrownBy(() -> RunCatalog.rename(run, "x")).hasMessageContaining("being trained by this process");
        }
        RunCatalog.delete(run);

        assertThat(run).doesNotExist();
        assertThat(other).exists();
        assertThat(completed).exists();
    }

    @Test
    void aRunKilledMidRunIsInterruptedAndResumesToTheEnd() throws Exception {
        Path arch = dir.resolve("tiny.json");
        ArchitectureJson.save(TinyNets.TINY_28, arch);
        Path run = dir.resolve("killed/run");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.ninexplorer.app.Main", "train",
                "--arch", arch.toString(), "--dataset", "sample", "--epochs", "3", "--batch", "32",
                "--limit-train", "320", "--limit-test", "64", "--run-dir", run.toString(), "--data-dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!(Files.exists(run.resolve("checkpoints/epoch-1.zip")) && child.isAlive())
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as(Files.readString(dir.resolve("child.log"))).isTrue();
            assertThat(new ProcessBuilder("kill", "-STOP", String.valueOf(child.pid())).start().waitFor()).isZero();

            RunSummary training = RunCatalog.summarise(run);
            assertThat(training.state()).isEqualTo(RunSummary.State.RUNNING);
            assertThat(English.of(training.reason())).contains("process " + child.pid());
            assertThat(training.resumable()).isFalse();
        } finally {
            child.destroyForcibly().waitFor();
        }

        RunSummary killed = RunCatalog.summarise(run);
        assertThat(killed.state()).isEqualTo(RunSummary.State.INTERRUPTED);
        assertThat(English.of(killed.reason())).contains("Killed while it trained (by process " + child.pid());
        assertThat(killed.resumable()).isTrue();

        try (RunResumption resumption = RunResumption.open(run, null)) {
            assertThat(resumption.complete()).isFalse();
            assertThat(resumption.start(TinyNets.sample(), e -> { }).call().outcome())
                    .isEqualTo(TrainingEvent.Outcome.COMPLETED);
        }
        RunSummary resumed = RunCatalog.summarise(run);
        assertThat(resumed.state()).isEqualTo(RunSummary.State.COMPLETED);
        assertThat(resumed.epochsDone()).isEqualTo(3);
        assertThat(RunMetrics.read(run).epochs()).extracting(TrainingEvent.Epoch::epoch).containsExactly(1, 2, 3);
    }
}
