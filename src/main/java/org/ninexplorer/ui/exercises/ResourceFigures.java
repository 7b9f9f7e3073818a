package org.ninexplorer.ui.exercises;

import static org.ninexplorer.ui.common.Arithmetic.grouped;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.ninexplorer.ui.common.Arithmetic;
import org.ninexplorer.ui.common.Format;
import org.ninexplorer.ui.common.Messages;

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
        Messages words = Messages.current();
        String weights = MemoryEstimate.bytes(memory.weightBytes());
        String perWeight = Messages.get("exercises.figures.per-parameter");
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("parameters", Messages.get("exercises.figures.parameters"), grouped(usage.parameters()),
                grouped(usage.parameters()), Messages.get("exercises.figures.parameters.training"),
                Messages.get("exercises.figures.parameters.prediction")));
        rows.add(new Row("macs", Messages.get("exercises.figures.macs", grouped(batch)),
                Format.count(usage.trainingMacs()), Format.count(usage.predictionMacs()),
                Messages.get("exercises.figures.macs.training", Arithmetic.trainingMacs(words, usage),
                        grouped(usage.macsPerImage())), Arithmetic.predictionMacs(words, usage)));
        rows.add(new Row("weights", Messages.get("exercises.figures.weights"), weights, weights, perWeight, perWeight));
        rows.add(new Row("state", Messages.get("exercises.figures.state"),
                MemoryEstimate.bytes(memory.trainingStateBytes()), Messages.get("exercises.figures.none"),
                Messages.get("exercises.figures.state.training", optimizerCopies),
                Messages.get("exercises.figures.state.prediction")));
        rows.add(new Row("activations", Messages.get("exercises.figures.activations"),
                MemoryEstimate.bytes(memory.inputBytes() + memory.keptBytes()),
                MemoryEstimate.bytes(memory.largestLive().liveBytes()),
                Messages.get("exercises.figures.activations.training"),
                Messages.get("exercises.figures.activations.prediction",
                        String.valueOf(memory.largestLive().index()), memory.largestLive().kind())));
        rows.add(new Row("memory", Messages.get("exercises.figures.memory"), MemoryEstimate.bytes(memory.trainingBytes()),
                MemoryEstimate.bytes(memory.predictionBytes()), Arithmetic.training(words, memory),
                Arithmetic.prediction(words, memory)));
        rows.add(measuredRow(measured));
        List<LayerRow> layers = memory.rows().stream().map(r -> new LayerRow(r.index() + "  " + r.kind(),
                MemoryEstimate.bytes(r.weightBytes()), MemoryEstimate.bytes(r.keptBytes()),
                MemoryEstimate.bytes(r.liveBytes()))).toList();
        return new Figures(rows, layers);
    }

    private static Row measuredRow(Optional<Measured> measured) {
        String what = Messages.get("exercises.figures.measured");
        String trainingOnly = Messages.get("exercises.figures.measured.prediction");
        if (measured.isEmpty() || measured.get().memory().peakResidentBytes() <= 0) {
            return new Row("measured", what, Messages.get("exercises.figures.measured.none"), "–",
                    Messages.get("exercises.figures.measured.none.training"), trainingOnly);
        }
        RunMemory m = measured.get().memory();
        String batch = grouped(m.batch());
        return new Row("measured", what, Messages.get("exercises.figures.measured.value",
                MemoryEstimate.bytes(m.peakResidentBytes()), batch), "–",
                Messages.get("exercises.figures.measured.training", measured.get().run(),
                        MemoryEstimate.bytes(m.countedTrainingBytes()), batch, MemoryEstimate.bytes(m.estimatedBytes())),
                trainingOnly);
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

}
