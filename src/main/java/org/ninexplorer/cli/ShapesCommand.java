package org.ninexplorer.cli;

import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Diagnostic;
import org.ninexplorer.model.LayerReport;
import org.ninexplorer.model.Limits;
import org.ninexplorer.model.MemoryByLayer;
import org.ninexplorer.model.MemoryEstimate;
import org.ninexplorer.model.ShapeInference;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.MemoryCheck;
import org.ninexplorer.ui.common.Arithmetic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Prints the output shape, parameters and MACs of every layer, or the diagnostics of an impossible net. */
@Command(name = "shapes", mixinStandardHelpOptions = true,
        description = "Print each layer's output shape, parameters and MACs.")
public final class ShapesCommand implements Callable<Integer> {

    @Mixin
    ArchitectureOptions architecture;

    @Option(names = "--batch", paramLabel = "N",
            description = "Also count the memory prediction and training need at this batch size, per layer and "
                    + "in total, and the estimate a run is checked against.")
    Integer batch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Analysis analysis = ShapeInference.analyze(architecture.resolve());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("input: [1, %d, %d, %d]%n", analysis.architecture().input().channels(),
                analysis.architecture().input().height(), analysis.architecture().input().width());
        // The book's layers fit 22 characters; a block of another form ("384 · 3×3 / 1 p1 · 3× 3×3") widens the column.
        int width = Math.max(22, analysis.reports().stream().mapToInt(r -> r.summary().length()).max().orElse(0));
        for (LayerReport r : analysis.reports()) {
            out.printf("%2d  %-8s %-" + width + "s output shape: %-18s params: %-10d MACs: %d%n", r.index(), r.kind(),
                    r.summary(), r.batchShape(), r.params(), r.macs());
        }
        if (!analysis.valid()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("invalid architecture:");
            for (Diagnostic d : analysis.diagnostics()) {
                err.println("  " + DiagnosticLines.line(d));
            }
            return 2;
        }
        out.println("total params: " + analysis.totalParams());
        out.println("total MACs: " + analysis.totalMacs());
        if (batch != null) {
            printMemory(out, analysis.architecture());
        }
        return 0;
    }

    /** The count by hand, per layer and in total, as the book's exercise asks. */
    private static void printCount(PrintWriter out, MemoryByLayer count, String optimizer) {
        out.printf(Locale.ROOT, "memory at batch %,d, counted from the shapes (32-bit floats, %s):%n", count.batch(),
                optimizer);
        for (MemoryByLayer.Row r : count.rows()) {
            out.printf(Locale.ROOT, "%2d  %-8s weights: %-10s kept for backward: %-10s live when predicting: %s%n",
                    r.index(), r.kind(), MemoryEstimate.bytes(r.weightBytes()), MemoryEstimate.bytes(r.keptBytes()),
                    MemoryEstimate.bytes(r.liveBytes()));
        }
        out.println("prediction: " + Arithmetic.prediction(DiagnosticLines.ENGLISH, count));
        out.println("training: " + Arithmetic.training(DiagnosticLines.ENGLISH, count));
    }

    private void printMemory(PrintWriter out, Architecture arch) {
        if (batch < Limits.MIN_BATCH) {
            throw new UsageProblem("--batch must be at least " + Limits.MIN_BATCH + ", got " + batch);
        }
        Hyperparameters hp = Hyperparameters.recommendedFor(arch, 0).withBatchSize(batch);
        printCount(out, MemoryByLayer.of(ShapeInference.analyze(arch), batch, MemoryCheck.optimizerCopies(hp.optimizer())),
                hp.optimizer().label());
        MemoryEstimate estimate = MemoryCheck.estimate(arch, hp, batch, 0);
        MemoryCheck.Budget budget = MemoryCheck.budget();
        out.println("training memory (" + hp.optimizer().label() + ", not counting the data set): "
                + DiagnosticLines.ENGLISH.engine(MemoryCheck.describe(estimate)));
        out.println("available: " + MemoryEstimate.bytes(budget.offHeapBytes()) + " (" + DiagnosticLines.ENGLISH.engine(budget.explanation()) + ")");
        if (estimate.offHeapBytes() > budget.offHeapBytes()) {
            int fits = estimate.largestBatchWithin(budget.offHeapBytes());
            out.println(fits >= 1 ? String.format(Locale.ROOT, "does not fit; a batch of %,d would", fits)
                    : "does not fit, not even at batch 1");
        }
    }
}
