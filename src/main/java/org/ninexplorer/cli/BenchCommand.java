package org.ninexplorer.cli;

import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Limits;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.MemoryCheck;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.training.perf.Benchmark;
import org.ninexplorer.training.perf.FastPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Measures training or inference throughput on random data: first the fast-path status line, then one
 * line per timed iteration and a median line, each with {@code images_per_s=<number>}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training or inference speed on random data.")
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    ArchitectureOptions architecture;

    @Mixin
    PrecisionOption precision;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--iters", paramLabel = "N", defaultValue = "10", description = "Timed iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2", description = "Untimed iterations first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "train",
            description = "train, infer, or featuremaps (all layers' activations for one sample) (default: ${DEFAULT-VALUE}).")
    String mode;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        precision.apply(); // before anything starts ND4J
        Benchmark.Mode chosen = parseMode();
        if (batch < Limits.MIN_BATCH || iterations < 1 || warmup < 0) {
            throw new UsageProblem("--batch and --iters must be at least 1, --warmup at least 0");
        }
        Architecture arch = architecture.resolveValid();
        Hyperparameters hp = Hyperparameters.defaults().withBatchSize(batch);
        if (chosen == Benchmark.Mode.TRAIN) {
            try {
                MemoryCheck.check(MemoryCheck.estimate(arch, hp, batch, 0));
            } catch (TrainingException e) {
                throw new UsageProblem(e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(FastPath.enable().description());
        Benchmark bench = new Benchmark(arch, hp, chosen, batch);
        List<Double> rates = new ArrayList<>();
        bench.run(warmup, iterations, m -> {
            rates.add(m.imagesPerSecond());
            out.println(String.format(Locale.ROOT, "%s %s iter=%d batch=%d ms=%.1f images_per_s=%.1f%s",
                    architecture.label(), mode, m.iteration(), m.images(), m.millis(), m.imagesPerSecond(),
                    chosen == Benchmark.Mode.TRAIN ? String.format(Locale.ROOT, " loss=%.4f", bench.score()) : ""));
        });
        rates.sort(Double::compare);
        double median = rates.size() % 2 == 1 ? rates.get(rates.size() / 2)
                : (rates.get(rates.size() / 2 - 1) + rates.get(rates.size() / 2)) / 2;
        out.println(String.format(Locale.ROOT, "%s %s median images_per_s=%.1f", architecture.label(), mode, median));
        return 0;
    }

    private Benchmark.Mode parseMode() {
        try {
            return Benchmark.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageProblem("--mode must be train, infer or featuremaps, got '" + mode + "'");
        }
    }
}
