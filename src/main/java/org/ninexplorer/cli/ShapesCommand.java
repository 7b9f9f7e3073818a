package org.ninexplorer.cli;

import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Diagnostic;
import org.ninexplorer.model.LayerReport;
import org.ninexplorer.model.ShapeInference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Prints the output shape, parameters and MACs of every layer, or the diagnostics of an impossible net. */
@Command(name = "shapes", mixinStandardHelpOptions = true,
        description = "Print each layer's output shape, parameters and MACs.")
public final class ShapesCommand implements Callable<Integer> {

    @Mixin
    ArchitectureOptions architecture;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Analysis analysis = ShapeInference.analyze(architecture.resolve());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("input: [1, %d, %d, %d]%n", analysis.architecture().input().channels(),
                analysis.architecture().input().height(), analysis.architecture().input().width());
        for (LayerReport r : analysis.reports()) {
            out.printf("%2d  %-8s %-22s output shape: %-18s params: %-10d MACs: %d%n", r.index(), r.kind(),
                    r.summary(), r.batchShape(), r.params(), r.macs());
        }
        if (!analysis.valid()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("invalid architecture:");
            for (Diagnostic d : analysis.diagnostics()) {
                err.println("  " + d);
            }
            return 2;
        }
        out.println("total params: " + analysis.totalParams());
        out.println("total MACs: " + analysis.totalMacs());
        return 0;
    }
}
