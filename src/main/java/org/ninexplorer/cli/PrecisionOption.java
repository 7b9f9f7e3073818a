package org.ninexplorer.cli;

import org.ninexplorer.training.perf.FastPath;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * {@code --precision bf16|fp32}, for every subcommand that trains: the fused NiN blocks' number format, as
 * the {@value FastPath#BF16_PROPERTY} property (which the window reads too) sets it. The fast path reads it
 * once per process, when ND4J starts, so {@link #apply()} must come first.
 */
public final class PrecisionOption {

    @Option(names = "--precision", paramLabel = "bf16|fp32",
            description = "Number format inside the fused NiN blocks: bf16 (mixed precision: bf16 convolutions, fp32 "
                    + "weights, updater and loss; only where the CPU runs bf16 natively) or fp32. Default: "
                    + (FastPath.BF16_DEFAULT ? "bf16" : "fp32") + ".")
    String precision;

    /** Sets the property from the option, if given; a word other than bf16 or fp32 is a {@link UsageProblem}. */
    void apply() {
        if (precision == null) {
            return;
        }
        switch (precision.toLowerCase(Locale.ROOT)) {
            case "bf16" -> System.setProperty(FastPath.BF16_PROPERTY, "true");
            case "fp32" -> System.setProperty(FastPath.BF16_PROPERTY, "false");
            default -> throw new UsageProblem("--precision must be bf16 or fp32, got '" + precision + "'");
        }
    }
}
