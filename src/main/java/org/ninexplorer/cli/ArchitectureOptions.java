package org.ninexplorer.cli;

import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.ArchitectureFormatException;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.model.InputSpec;
import org.ninexplorer.model.Presets;
import org.ninexplorer.model.ShapeInference;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** {@code --preset NAME | --arch FILE}, shared by every subcommand that needs a network. */
public final class ArchitectureOptions {

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Built-in architecture: ${COMPLETION-CANDIDATES} (default: fashion-28).",
            completionCandidates = PresetNames.class)
    String preset;

    @Option(names = "--arch", paramLabel = "FILE", description = "Architecture JSON file (the app's save format).")
    Path arch;

    @Option(names = "--input", paramLabel = "CxHxW", description = "Override the input size, e.g. 1x96x96.")
    String input;

    /** The chosen architecture, or a {@link UsageProblem} that says what is wrong. */
    public Architecture resolve() {
        if (preset != null && arch != null) {
            throw new UsageProblem("give either --preset or --arch, not both");
        }
        Architecture chosen;
        if (arch != null) {
            try {
                chosen = ArchitectureJson.load(arch);
            } catch (IOException e) {
                throw new UsageProblem("cannot read " + arch + ": " + e.getMessage());
            } catch (ArchitectureFormatException e) {
                throw new UsageProblem(arch + ": " + DiagnosticLines.ENGLISH.words(e));
            }
        } else {
            String name = preset == null ? "fashion-28" : preset;
            chosen = Presets.byName(name).orElseThrow(() ->
                    new UsageProblem("unknown preset '" + name + "'; choose one of " + Presets.names()));
        }
        if (input != null) {
            try {
                chosen = chosen.withInput(InputSpec.parse(input));
            } catch (IllegalArgumentException e) {
                throw new UsageProblem("--input: " + e.getMessage());
            }
        }
        return chosen;
    }

    /** The chosen architecture if it is possible, else a {@link UsageProblem} listing its diagnostics. */
    public Architecture resolveValid() {
        Architecture chosen = resolve();
        Analysis analysis = ShapeInference.analyze(chosen);
        if (!analysis.valid()) {
            throw new UsageProblem(DiagnosticLines.invalid(analysis));
        }
        return chosen;
    }

    /** A human name for the chosen architecture, for logs and run records. */
    public String label() {
        return arch != null ? arch.getFileName().toString() : (preset == null ? "fashion-28" : preset);
    }

    static final class PresetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Presets.names().iterator();
        }
    }
}
