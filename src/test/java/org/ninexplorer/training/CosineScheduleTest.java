package org.ninexplorer.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** The cosine learning-rate schedule and its warm-up, alone and inside a real run's checkpoints. */
class CosineScheduleTest {

    @Test
    void fallsFromTheSetRateToZeroAlongHalfACosine() {
        CosineDecay decay = new CosineDecay(0.002, 100);

        assertThat(decay.valueAt(0, 0)).isEqualTo(0.002);
        assertThat(decay.valueAt(50, 2)).isCloseTo(0.001, offset(1e-12));
        assertThat(decay.valueAt(25, 1)).isCloseTo(0.002 * (0.5 + Math.sqrt(0.5) / 2), offset(1e-12));
        assertThat(decay.valueAt(100, 4)).isCloseTo(0, offset(1e-12));
        assertThat(decay.valueAt(130, 5)).isCloseTo(0, offset(1e-12));
        assertThat(decay.clone()).isEqualTo(decay);
        assertThatThrownBy(() -> new CosineDecay(0.002, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunDecaysOverAllItsIterationsAndItsCheckpointsKeepTheSchedule(@TempDir Path dir) throws Exception {
        Hyperparameters hp = Hyperparameters.defaults().withSchedule(LearningRateSchedule.COSINE)
                .withEpochs(2).withBatchSize(32);
        Path runDir = dir.resolve("run");
        // 320 images at batch 32: 10 iterations per epoch, 20 in the run.
        new TrainingRun(new TrainingRequest(TinyNets.TINY_28, hp, TinyNets.sample(), "sample", runDir, 320, 100),
                e -> { }).call();

        MultiLayerNetwork halfway = ModelSerializer.restoreMultiLayerNetwork(
                runDir.resolve("checkpoints/epoch-1.zip").toFile(), true);
        MultiLayerNetwork done = ModelSerializer.restoreMultiLayerNetwork(runDir.resolve("model.zip").toFile(), true);

        assertThat(halfway.getLearningRate(0)).isCloseTo(0.001, offset(1e-9));
        assertThat(done.getLearningRate(0)).isCloseTo(0, offset(1e-9));
        assertThat(Files.readString(runDir.resolve("run.json"))).contains("\"schedule\" : \"cosine\"");
        assertThat(RunRecord.read(runDir).hyperparameters().schedule()).isEqualTo(LearningRateSchedule.COSINE);
    }

    @Test
    void theWarmUpRisesLinearlyOverItsIterationsAndThenLeavesTheCosine() {
        CosineDecay decay = new CosineDecay(0.002, 2_000);
        LinearWarmup warm = new LinearWarmup(decay, 500);

        assertThat(warm.valueAt(0, 0)).isCloseTo(0.002 / 500, offset(1e-12));
        assertThat(warm.valueAt(249, 0)).isCloseTo(decay.valueAt(249, 0) / 2, offset(1e-12));
        assertThat(warm.valueAt(499, 1)).isEqualTo(decay.valueAt(499, 1));
        assertThat(warm.valueAt(1_200, 3)).isEqualTo(decay.valueAt(1_200, 3));
        assertThat(warm.clone()).isEqualTo(warm).isNotEqualTo(new LinearWarmup(decay, 400));
        assertThatThrownBy(() -> new LinearWarmup(decay, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWarmUpRunsCheckpointsKeepTheWarmUp(@TempDir Path dir) throws Exception {
        Hyperparameters hp = Hyperparameters.defaults().withSchedule(LearningRateSchedule.WARMUP_COSINE)
                .withEpochs(2).withBatchSize(32);
        Path runDir = dir.resolve("run");
        new TrainingRun(new TrainingRequest(TinyNets.TINY_28, hp, TinyNets.sample(), "sample", runDir, 320, 100),
                e -> { }).call();

        MultiLayerNetwork halfway = ModelSerializer.restoreMultiLayerNetwork(
                runDir.resolve("checkpoints/epoch-1.zip").toFile(), true);
        // After 10 of 20 iterations: half the cosine, times 11 of the warm-up's 500 steps.
        assertThat(halfway.getLearningRate(0)).isCloseTo(0.001 * 11 / LearningRateSchedule.WARMUP_ITERATIONS,
                offset(1e-9));
        assertThat(RunRecord.read(runDir).hyperparameters().schedule()).isEqualTo(LearningRateSchedule.WARMUP_COSINE);
        assertThat(Files.readString(runDir.resolve("run.json"))).contains("\"schedule\" : \"warmup-cosine\"");
    }
}
