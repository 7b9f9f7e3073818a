package org.ninexplorer.training;

import org.ninexplorer.model.MemoryByLayer;
import org.ninexplorer.model.MemoryEstimate;
import org.ninexplorer.model.ShapeInference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A run's memory, counted and measured, as {@code run.json} keeps it so the two can be put side by side: the
 * count from the shapes at the run's batch ({@link MemoryByLayer}), the generous estimate the run was checked
 * against ({@link MemoryEstimate}, data set included), and the process's peak resident size so far (Linux's
 * {@code VmHWM}: heap, native buffers and the runtime together; 0 where the system does not say).
 */
public record RunMemory(int batch, long countedPredictionBytes, long countedTrainingBytes, long estimatedBytes,
                        long peakResidentBytes) {

    private static final Logger LOGGER = LoggerFactory.getLogger(RunMemory.class);
    private static final Path STATUS = Path.of("/proc/self/status");

    /** The figures for {@code request} now, with the peak measured so far. */
    static RunMemory measure(TrainingRequest request) {
        MemoryEstimate estimate = MemoryCheck.estimate(request);
        MemoryByLayer count = MemoryByLayer.of(ShapeInference.analyze(request.architecture()), estimate.batch(),
                MemoryCheck.optimizerCopies(request.hyperparameters().optimizer()));
        return new RunMemory(count.batch(), count.predictionBytes(), count.trainingBytes(), estimate.totalBytes(),
                processPeakBytes().orElse(0));
    }

    /** The most memory this process has held resident, from {@code /proc/self/status}. */
    static OptionalLong processPeakBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.debug("no peak resident size from {}", STATUS, e);
        }
        return OptionalLong.empty();
    }

    /** E.g. "memory at batch 64: counted 93.1 MB to train (10.9 MB to predict), estimated 410 MB, peak 1.62 GB". */
    public String line() {
        return String.format(Locale.ROOT, "memory at batch %,d: counted %s to train (%s to predict), estimated %s, "
                        + "measured peak %s resident", batch, MemoryEstimate.bytes(countedTrainingBytes),
                MemoryEstimate.bytes(countedPredictionBytes), MemoryEstimate.bytes(estimatedBytes),
                peakResidentBytes > 0 ? MemoryEstimate.bytes(peakResidentBytes) : "unknown");
    }
}
