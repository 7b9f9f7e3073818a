package org.ninexplorer.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ninexplorer.model.MemoryByLayer;
import org.ninexplorer.model.ShapeInference;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A real run records its memory, counted and measured, so the two can be compared. */
class RunMemoryTest {

    @Test
    void aRunKeepsTheCountTheEstimateAndTheMeasuredPeakInItsRecord(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        RunFixtures.train(TinyNets.TINY_28, runDir, 1);

        RunMemory memory = RunRecord.read(runDir).memory().orElseThrow();
        MemoryByLayer count = MemoryByLayer.of(ShapeInference.analyze(TinyNets.TINY_28), 32, 2);
        assertThat(memory.batch()).isEqualTo(32);
        assertThat(memory.countedTrainingBytes()).isEqualTo(count.trainingBytes());
        assertThat(memory.countedPredictionBytes()).isEqualTo(count.predictionBytes());
        assertThat(memory.estimatedBytes()).isGreaterThan(memory.countedTrainingBytes());
        // This JVM has loaded ND4J and trained: far more than the tiny net's count is resident.
        assertThat(memory.peakResidentBytes()).isGreaterThan(50L << 20);
        assertThat(Files.readString(runDir.resolve("run.json"))).contains("\"peakResidentBytes\"");
        assertThat(memory.line()).startsWith("memory at batch 32: counted ").contains("measured peak ");
    }

    @Test
    void aRecordWrittenBeforeMemoryWasRecordedHasNone(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        RunFixtures.train(TinyNets.TINY_28, runDir, 1);
        RunFixtures.editRecord(runDir, root -> root.remove("memory"));

        assertThat(RunRecord.read(runDir).memory()).isEmpty();
    }
}
