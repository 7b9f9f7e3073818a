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

/** The cosine learning-rate schedule, alone and inside a real run's checkpoints. */
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
}
