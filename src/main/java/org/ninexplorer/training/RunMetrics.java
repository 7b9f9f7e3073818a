package org.ninexplorer.training;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What a run's {@code metrics.csv} holds, read by {@link MetricsCsv} (the one reader and writer of the file):
 * the loss of every iteration and the summary of every epoch, in the order they were trained.
 */
public record RunMetrics(List<IterationRow> iterations, List<TrainingEvent.Epoch> epochs) {

    /** One optimiser step: its epoch, its place in the epoch (1-based) and its batch's loss. */
    public record IterationRow(int epoch, int iteration, double loss) {
    }

    public RunMetrics {
        iterations = List.copyOf(iterations);
        epochs = List.copyOf(epochs);
    }

    /** Reads {@code runDir/metrics.csv}; a half-written last row (a killed app) is left out. */
    public static RunMetrics read(Path runDir) throws RunStorageException {
        return readFile(runDir.resolve(MetricsCsv.FILE));
    }

    /** Reads a metrics file by its own path (a copy, or one the user picked). */
    public static RunMetrics readFile(Path metricsCsv) throws RunStorageException {
        return MetricsCsv.read(metricsCsv);
    }

    public OptionalDouble bestTestAccuracy() {
        return epochs.stream().mapToDouble(TrainingEvent.Epoch::testAccuracy).max();
    }

    public OptionalDouble finalTestAccuracy() {
        return epochs.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(epochs.get(epochs.size() - 1).testAccuracy());
    }

    public OptionalDouble finalTrainAccuracy() {
        return epochs.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(epochs.get(epochs.size() - 1).trainAccuracy());
    }

    /** Seconds spent training and testing the recorded epochs (pauses and an unfinished epoch not counted). */
    public double wallSeconds() {
        return epochs.stream().mapToDouble(TrainingEvent.Epoch::seconds).sum();
    }

    public OptionalDouble secondsPerEpoch() {
        return epochs.stream().mapToDouble(TrainingEvent.Epoch::seconds).average();
    }

    public OptionalDouble imagesPerSecond() {
        return epochs.stream().mapToDouble(TrainingEvent.Epoch::imagesPerSecond).average();
    }

    /** The most iterations any recorded epoch had: an epoch's length, for placing its iterations. */
    public int iterationsPerEpoch() {
        return iterations.stream().mapToInt(IterationRow::iteration).max().orElse(1);
    }
}
