package org.ninexplorer.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Resume checks what it resumes, and continues exactly where the run left off (real runs on the sample). */
class ResumeTest {

    private final List<TrainingEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void aRunKilledAfterAnEpochResumesToTheSameResultAsNoKill(@TempDir Path dir) throws Exception {
        Path straight = dir.resolve("straight");
        assertThat(RunFixtures.train(TinyNets.TINY_DROPOUT, straight, 2).outcome())
                .isEqualTo(TrainingEvent.Outcome.COMPLETED);
        // What a kill during epoch 2 leaves: epoch 1's checkpoint, a record saying "running", and epoch 2's rows.
        Path killed = dir.resolve("killed");
        RunFixtures.copy(straight, killed);
        Files.delete(killed.resolve("checkpoints/epoch-2.zip"));
        Files.delete(killed.resolve("model.zip"));
        RunFixtures.editRecord(killed, r -> r.put("status", "running").put("epochsCompleted", 1));

        TrainingEvent.Finished finished = RunFixtures.resume(killed, 2, events::add);

        assertThat(finished.outcome()).as(English.of(finished)).isEqualTo(TrainingEvent.Outcome.COMPLETED);
        assertThat(events).filteredOn(TrainingEvent.Started.class::isInstance).singleElement()
                .extracting(e -> ((TrainingEvent.Started) e).startEpoch()).isEqualTo(2);
        // Same batches in the same order, same dropout masks: every loss, accuracy and weight is the same.
        assertThat(withoutTimes(killed)).isEqualTo(withoutTimes(straight));
        assertThat(RunFixtures.params(killed.resolve("model.zip")))
                .containsExactly(RunFixtures.params(straight.resolve("model.zip")));
        assertThat(RunRecord.read(killed).status()).isEqualTo(RunStatus.COMPLETED);
    }

    private static List<String> withoutTimes(Path run) throws Exception {
        return Files.readAllLines(run.resolve("metrics.csv")).stream()
                .map(l -> String.join(",", Arrays.copyOf(l.split(",", -1), 6))).toList();
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRefusedNamingTheDifference(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        RunFixtures.train(TinyNets.TINY_28, run, 1);
        RunFixtures.editRecord(run, r -> {
            r.put("status", "stopped");
            r.with("hyperparameters").put("epochs", 2);
            ((com.fasterxml.jackson.databind.node.ObjectNode) r.with("architecture").withArray("layers").get(0)).put("channels", 24);
        });
        byte[] checkpoint = Files.readAllBytes(run.resolve("checkpoints/epoch-1.zip"));
        String metrics = Files.readString(run.resolve("metrics.csv"));
        String record = Files.readString(run.resolve("run.json"));

        assertThatThrownBy(() -> RunFixtures.resume(run, 2, events::add)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("epoch-1.zip does not hold the network that " + run.resolve("run.json"))
                .hasMessageContaining("layers[0] is nin 24 · 5×5 / 2 p2 in the record but nin 16 · 5×5 / 2 p2 in the "
                        + "checkpoint");

        assertThat(events).isEmpty();
        assertThat(run.resolve("checkpoints/epoch-1.zip")).hasBinaryContent(checkpoint);
        assertThat(run.resolve("metrics.csv")).hasContent(metrics);
        assertThat(run.resolve("run.json")).hasContent(record);
        RunDirectory.openForResume(run).close(); // the refusal released the run's lock
    }

    @Test
    void aTruncatedNewestCheckpointIsNamedAndTheOneBeforeIsUsed(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        RunFixtures.train(TinyNets.TINY_28, run, 2);
        Path newest = run.resolve("checkpoints/epoch-2.zip");
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, Arrays.copyOf(bytes, bytes.length / 2));

        TrainingEvent.Finished finished = RunFixtures.resume(run, 3, events::add);

        assertThat(finished.outcome()).as(English.of(finished)).isEqualTo(TrainingEvent.Outcome.COMPLETED);
        assertThat(events).filteredOn(TrainingEvent.Notice.class::isInstance)
                .extracting(e -> English.of(((TrainingEvent.Notice) e).message()))
                .anySatisfy(m -> assertThat(m).contains(newest.toString(), "cannot be read"))
                .anySatisfy(m -> assertThat(m).contains("Continuing from epoch-1.zip, after epoch 1"));
        assertThat(events).filteredOn(TrainingEvent.Started.class::isInstance).singleElement()
                .extracting(e -> ((TrainingEvent.Started) e).startEpoch()).isEqualTo(2);
        assertThat(RunFixtures.epochRows(run)).extracting(l -> l.split(",")[1]).containsExactly("1", "2", "3");
        assertThat(RunFixtures.params(newest)).hasSameSizeAs(RunFixtures.params(run.resolve("model.zip")));
        RunRecord record = RunRecord.read(run);
        assertThat(record.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(record.epochsCompleted()).isEqualTo(3);
        assertThat(record.hyperparameters().epochs()).isEqualTo(3);
    }

    @Test
    void aDamagedRecordNamesTheFileAndTheField(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        RunFixtures.train(TinyNets.TINY_28, run, 1);
        String intact = Files.readString(run.resolve("run.json"));
        Path file = run.resolve("run.json");

        assertDamaged(run, r -> r.remove("hyperparameters"), file + ": hyperparameters: missing.");
        assertDamaged(run, r -> r.with("hyperparameters").put("optimizer", "foo"),
                file + ": hyperparameters.optimizer: unknown optimizer 'foo'; choose adam or sgd.");
        assertDamaged(run, r -> r.with("hyperparameters").put("learningRate", "fast"),
                file + ": hyperparameters.learningRate: expected a number, got \"fast\".");
        assertDamaged(run, r -> r.with("hyperparameters").put("batchSize", 0),
                file + ": hyperparameters: batch size must be at least 1, got 0.");
        assertDamaged(run, r -> r.with("dataset").remove("spec"), file + ": dataset.spec: missing.");
        assertDamaged(run, r -> r.put("status", "sleeping"), file + ": status: unknown status 'sleeping'");
        assertDamaged(run, r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.with("architecture").withArray("layers").get(0)).put("kernel", "big"),
                file + ": architecture.layers[0].kernel: expected a whole number, got \"big\"");
        Files.writeString(file, "{\"schemaVersion\": 1, ");
        assertThatThrownBy(() -> RunDirectory.openForResume(run)).hasMessageContaining(file + " is not valid JSON");
        assertThatThrownBy(() -> RunDirectory.openForResume(dir.resolve("nothing")))
                .hasMessageContaining("no such folder");
        Files.writeString(file, intact);
        RunDirectory.openForResume(run).close();
    }

    private static void assertDamaged(Path run, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit,
                                      String message) throws Exception {
        String intact = Files.readString(run.resolve("run.json"));
        RunFixtures.editRecord(run, edit);
        assertThatThrownBy(() -> RunDirectory.openForResume(run)).isInstanceOf(TrainingException.class)
                .hasMessageContaining(message);
        Files.writeString(run.resolve("run.json"), intact);
    }
}
