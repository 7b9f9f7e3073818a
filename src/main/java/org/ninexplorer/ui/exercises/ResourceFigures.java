package org.ninexplorer.ui.exercises;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.MemoryByLayer;
import org.ninexplorer.model.MemoryEstimate;
import org.ninexplorer.model.ResourceUsage;
import org.ninexplorer.training.RunCatalog;
import org.ninexplorer.training.RunMemory;
import org.ninexplorer.training.RunRecord;
import org.ninexplorer.training.RunSummary;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.ui.common.Format;

/**
 * The resource exercise's figures: parameters, multiply-accumulates and memory of one step, for training and for
 * prediction side by side at one batch size, each with how it is counted; per layer; and the peak a real run of
 * the same net measured.
 */
public final class ResourceFigures {

    /** One line of the table; {@code id} names it for styles and tests. */
    public record Row(String id, String what, String training, String prediction, String trainingHow,
                      String predictionHow) {
    }

    /** One layer's memory at the batch: its weights, what training keeps of it, what predicting holds at once. */
    public record LayerRow(String layer, String weights, String kept, String live) {
    }

    /** What the newest run of the net recorded of its memory. */
    public record Measured(String run, RunMemory memory) {
    }

    public record Figures(List<Row> rows, List<LayerRow> layers) {
    }

    private ResourceFigures() {
    }

    /** The figures of a valid net at {@code batch}, with the run's measurement if there is one. */
    static Figures of(Analysis analysis, int batch, int optimizerCopies, Optional<Measured> measured) {
        ResourceUsage usage = ResourceUsage.of(analysis, batch, optimizerCopies);
        MemoryByLayer memory = usage.memory();
        String weights = MemoryEstimate.bytes(memory.weightBytes());
        String perImage = String.format(Locale.ROOT, "%,d per image", usage.macsPerImage());
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("parameters", "Parameters", exact(usage.parameters()), exact(usage.parameters()),
                "Every weight and bias of the convolutions and dense layers; all of them are trained",
                "The same weights, only read"));
        rows.add(new Row("macs", "Multiply-accumulates, one step of " + batch, Format.count(usage.trainingMacs()),
                Format.count(usage.predictionMacs()), usage.trainingMacsArithmetic() + " (" + perImage + ")",
                usage.predictionMacsArithmetic()));
        rows.add(new Row("weights", "Memory: weights", weights, weights, "4 bytes per parameter", "4 bytes per parameter"));
        rows.add(new Row("state", "Memory: gradients and optimizer state", MemoryEstimate.bytes(memory.trainingStateBytes()),
                "none", "One gradient per weight, and " + optimizerCopies + " more value" + (optimizerCopies == 1 ? "" : "s")
                        + " per weight that the optimizer keeps", "Nothing is learned when predicting"));
        rows.add(new Row("activations", "Memory: activations",
                MemoryEstimate.bytes(memory.inputBytes() + memory.keptBytes()),
                MemoryEstimate.bytes(memory.largestLive().liveBytes()),
                "The input batch and every step's output, kept for the backward pass",
                "Only one step's input and output at a time; the largest pair is at layer " + memory.largestLive().index()
                        + " (" + memory.largestLive().kind() + ")"));
        rows.add(new Row("memory", "Memory counted from the shapes", MemoryEstimate.bytes(memory.trainingBytes()),
                MemoryEstimate.bytes(memory.predictionBytes()), memory.trainingArithmetic(),
                memory.predictionArithmetic()));
        rows.add(measuredRow(measured));
        List<LayerRow> layers = memory.rows().stream().map(r -> new LayerRow(r.index() + "  " + r.kind(),
                MemoryEstimate.bytes(r.weightBytes()), MemoryEstimate.bytes(r.keptBytes()),
                MemoryEstimate.bytes(r.liveBytes()))).toList();
        return new Figures(rows, layers);
    }

    private static Row measuredRow(Optional<Measured> measured) {
        if (measured.isEmpty() || measured.get().memory().peakResidentBytes() <= 0) {
            return new Row("measured", "Measured peak of a real run", "no run yet", "–",
                    "No run of this net has recorded its memory yet: Set up trains one on the lesson's budget",
                    "A run measures its training only");
        }
        RunMemory m = measured.get().memory();
        return new Row("measured", "Measured peak of a real run", MemoryEstimate.bytes(m.peakResidentBytes())
                + " at batch " + m.batch(), "–", "The peak resident size of the process in the run "
                + measured.get().run() + ": the Java heap, ND4J's buffers, the data and the runtime together, so far more"
                + " than the count (" + MemoryEstimate.bytes(m.countedTrainingBytes()) + " at batch " + m.batch()
                + "; the run was checked against an estimate of " + MemoryEstimate.bytes(m.estimatedBytes()) + ")",
                "A run measures its training only");
    }

    /** The newest run in {@code runsRoot} of {@code arch} that recorded its memory. Reads files: not on the FX thread. */
    static Optional<Measured> newestMeasured(Path runsRoot, Architecture arch) {
        for (RunSummary run : new RunCatalog(List.of(runsRoot)).list()) {
            if (arch.equals(run.architecture())) {
                try {
                    Optional<RunMemory> memory = RunRecord.read(run.folder()).memory();
                    if (memory.isPresent()) {
                        return Optional.of(new Measured(run.name(), memory.get()));
                    }
                } catch (TrainingException e) {
                    // a record that cannot be read measured nothing we can show
                }
            }
        }
        return Optional.empty();
    }

    private static String exact(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
