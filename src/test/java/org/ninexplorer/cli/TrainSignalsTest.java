package org.ninexplorer.cli;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.training.TinyNets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real signals to a real {@code train} in a child JVM: the first stops the run after the current
 * iteration and keeps everything it trained; a second ends it at once and says what is on disk.
 */
@EnabledOnOs(OS.LINUX)
class TrainSignalsTest {

    private static final long PATIENCE_SECONDS = 180;

    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"INT, 130", "TERM, 143", "HUP, 129"})
    void aSignalStopsAfterTheCurrentIterationAndKeepsTheModel(String signal, int status, @TempDir Path dir)
            throws Exception {
        Path runDir = dir.resolve("run");
        Process child = train(dir, runDir);
        awaitLine(child, out, line -> line.startsWith("epoch 1,"));

        signal(child, signal);

        assertThat(child.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).as(transcript()).isTrue();
        assertThat(child.exitValue()).as(transcript()).isEqualTo(status);
        assertThat(err).as(transcript()).anyMatch(l -> l.startsWith("SIG" + signal + ": stopping after the current iteration"));
        assertThat(out).as(transcript()).anyMatch(l -> l.startsWith("Stopped by the user")
                && l.endsWith("The model trained so far is in " + runDir.resolve("model.zip") + "."));
        assertThat(Files.readString(runDir.resolve("run.json"))).contains("\"status\" : \"stopped\"");

        MultiLayerNetwork model = ModelSerializer.restoreMultiLayerNetwork(runDir.resolve("model.zip").toFile(), true);
        List<String> rows = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertThat(rows).as("epoch 1's row").anyMatch(r -> r.startsWith("epoch,1,"));
        assertThat(rows.stream().filter(r -> r.startsWith("iter,")).count())
                .as("a metrics row for every iteration the kept model was trained for")
                .isEqualTo(model.getIterationCount());
    }

    /**
     * The stop cannot finish while the model's temporary file is a named pipe nobody reads (opening it
     * blocks), so the second signal surely comes first.
     */
    @Test
    void aSecondSignalEndsAtOnceAndSaysWhatIsKept(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        Process child = train(dir, runDir);
        awaitLine(child, out, line -> line.startsWith("epoch 1,"));
        Process mkfifo = new ProcessBuilder("mkfifo", runDir.resolve("model.zip.tmp").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        signal(child, "INT");
        awaitLine(child, err, line -> line.startsWith("SIGINT: stopping after the current iteration"));
        signal(child, "INT");

        assertThat(child.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).as(transcript()).isTrue();
        assertThat(child.exitValue()).as(transcript()).isEqualTo(130);
        String quit = err.stream().filter(l -> l.startsWith("SIGINT again: quitting at once.")).findFirst()
                .orElseThrow(() -> new AssertionError(transcript()));
        Matcher kept = Pattern.compile("Kept: the checkpoint after epoch (\\d+), (\\S+\\.zip); continue with: train "
                + "--resume " + Pattern.quote(runDir.toString())).matcher(quit);
        assertThat(kept.find()).as(quit).isTrue();
        Path checkpoint = Path.of(kept.group(2));
        assertThat(checkpoint).isEqualTo(runDir.resolve("checkpoints/epoch-" + kept.group(1) + ".zip"));
        assertThat(ModelSerializer.restoreMultiLayerNetwork(checkpoint.toFile(), true).params().length()).isPositive();
        assertThat(Files.readAllLines(runDir.resolve("metrics.csv"))).anyMatch(r -> r.startsWith("epoch," + kept.group(1) + ","));
        Files.delete(runDir.resolve("model.zip.tmp"));
    }

    /** {@code train} on 320 sample images, for far more epochs than any test waits for. */
    private Process train(Path dir, Path runDir) throws IOException {
        Path arch = dir.resolve("tiny.json");
        ArchitectureJson.save(TinyNets.TINY_28, arch);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // A job started in the background by a script ignores SIGINT, and its children inherit that.
        Process child = new ProcessBuilder("env", "--default-signal=HUP,INT,TERM", java.toString(), "-Xmx1g",
                "-Dorg.deeplearning4j.crash.reporting.enabled=false", "-cp", System.getProperty("java.class.path"),
                "org.ninexplorer.app.Main", "train", "--arch", arch.toString(), "--dataset", "sample",
                "--epochs", "200", "--batch", "32", "--limit-train", "320", "--limit-test", "64",
                "--run-dir", runDir.toString(), "--data-dir", dir.toString()).start();
        collect(child.getInputStream(), out);
        collect(child.getErrorStream(), err);
        return child;
    }

    private static void collect(InputStream stream, List<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(reading failed: " + e + ")");
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until the child has printed a matching line; fails if it ends first or takes minutes. */
    private void awaitLine(Process child, List<String> lines, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (lines.stream().noneMatch(wanted)) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly().waitFor();
                throw new AssertionError("the line never came; " + transcript());
            }
            Thread.sleep(20);
        }
    }

    private static void signal(Process child, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start();
        assertThat(kill.waitFor()).isZero();
    }

    private String transcript() {
        return "stdout:\n" + String.join("\n", out) + "\nstderr:\n" + String.join("\n", err);
    }
}
