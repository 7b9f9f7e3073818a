package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.CrashReportingUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever goes wrong once a run has started, it ends with a final event and a run.json that says what
 * happened: errors ({@link Error}s too) as failed, with the reason; a stop before the first iteration
 * stops that run.
 */
class TrainingFailuresTest {

    private final List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    private long[] hoard;

    private TrainingRun run(Path dir, Consumer<TrainingEvent> consumer) {
        return new TrainingRun(new TrainingRequest(TinyNets.TINY_28, Hyperparameters.defaults().withEpochs(3)
                .withBatchSize(32), TinyNets.sample(), "sample", dir.resolve("run"), 320, 64), consumer);
    }

    @Test
    void aStackOverflowInTheEventConsumerFailsTheRun(@TempDir Path dir) throws Exception {
        TrainingEvent.Finished finished = run(dir, event -> {
            events.add(event);
            if (event instanceof TrainingEvent.Iteration it && it.globalIteration() == 3) {
                recurse(0);
            }
        }).call();

        assertFailedWith(dir, finished, "java.lang.StackOverflowError");
    }

    @Test
    void runningOutOfMemoryInTheEventConsumerFailsTheRun(@TempDir Path dir) throws Exception {
        TrainingEvent.Finished finished = run(dir, event -> {
            events.add(event);
            if (event instanceof TrainingEvent.Iteration it && it.globalIteration() == 3) {
                hoard = new long[Integer.MAX_VALUE - 8]; // 16 GB, more than any test JVM's heap
            }
        }).call();

        assertFailedWith(dir, finished, "java.lang.OutOfMemoryError");
    }

    private void assertFailedWith(Path dir, TrainingEvent.Finished finished, String error) throws Exception {
        assertThat(finished.outcome()).isEqualTo(TrainingEvent.Outcome.FAILED);
        assertThat(English.of(finished)).startsWith("Training failed in epoch 1: " + error);
        assertThat(events).as("the final event still reaches the consumer").last().isEqualTo(finished);
        assertThat(events).filteredOn(TrainingEvent.Iteration.class::isInstance).hasSizeLessThan(10);
        String record = Files.readString(dir.resolve("run/run.json"));
        assertThat(record).contains("\"status\" : \"failed\"", "\"code\" : \"failed", "\"" + error);
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void aStopBeforeTheFirstIterationStopsThatRun(@TempDir Path dir) throws Exception {
        TrainingRun run = run(dir, events::add);
        run.stop(); // as when Stop is pressed while the run is still preparing

        TrainingEvent.Finished finished = run.call();

        assertThat(finished.outcome()).isEqualTo(TrainingEvent.Outcome.STOPPED);
        assertThat(English.of(finished)).isEqualTo("Stopped by the user before training began; nothing was trained.");
        assertThat(events).noneMatch(TrainingEvent.Iteration.class::isInstance);
        assertThat(dir.resolve("run/model.zip")).as("no untrained model is passed off as a result").doesNotExist();
        assertThat(Files.readString(dir.resolve("run/run.json"))).contains("\"status\" : \"stopped\"");
    }

    /** What DL4J's {@code fit} does when it runs out of memory, and where the report goes. */
    @Test
    void dl4jMemoryReportsGoIntoTheRunDirectoryOnly(@TempDir Path dir) throws Exception {
        String previous = System.getProperty("org.deeplearning4j.crash.reporting.enabled");
        System.setProperty("org.deeplearning4j.crash.reporting.enabled", "true");
        try {
            MultiLayerNetwork net = NetworkBuilder.build(TinyNets.TINY_28, Hyperparameters.defaults(), 1);
            List<String> before = crashDumpsIn(Path.of(System.getProperty("user.dir")));
            Path runDir = Files.createDirectories(dir.resolve("run"));

            CrashReportingUtil.writeMemoryCrashDump(net, new OutOfMemoryError("outside a run"));
            try (CrashDumps dumps = CrashDumps.into(runDir)) {
                assertThat(dumps.latest()).isEmpty();
                CrashReportingUtil.writeMemoryCrashDump(net, new OutOfMemoryError("in a run"));
                assertThat(dumps.latest()).hasValueSatisfying(f -> assertThat(f.getParent()).isEqualTo(runDir));
            }
            CrashReportingUtil.writeMemoryCrashDump(net, new OutOfMemoryError("after the run"));

            assertThat(crashDumpsIn(runDir)).hasSize(1);
            assertThat(Files.readString(runDir.resolve(crashDumpsIn(runDir).get(0)))).contains("in a run");
            assertThat(crashDumpsIn(Path.of(System.getProperty("user.dir")))).isEqualTo(before);
        } finally {
            if (previous == null) {
                System.clearProperty("org.deeplearning4j.crash.reporting.enabled");
            } else {
                System.setProperty("org.deeplearning4j.crash.reporting.enabled", previous);
            }
        }
    }

    private static List<String> crashDumpsIn(Path dir) {
        String[] names = new File(dir.toString()).list((d, name) -> name.startsWith("dl4j-memory-crash-dump-"));
        return names == null ? List.of() : List.of(names);
    }
}
