package org.ninexplorer.cli;

import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.ArchitectureDiff;
import org.ninexplorer.model.ArchitectureFormatException;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.model.FieldChange;
import org.ninexplorer.model.LayerChange;
import org.ninexplorer.model.LayerChange.Change;
import org.ninexplorer.model.LayerReport;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.RunRecord;
import org.ninexplorer.training.TrainingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** Prints which layers two architectures share, which were added, removed or changed, and what that costs. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two architectures layer by layer: added (+), removed (-), changed (~) and "
                + "unchanged (=) layers with their output shapes, and the change in parameters and MACs.",
                "A and B are architecture files, run folders (their run.json) or preset names."})
public final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A", description = "The first architecture: a file, a run folder or a preset.")
    String first;

    @Parameters(index = "1", paramLabel = "B", description = "The second architecture, compared with A.")
    String second;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ArchitectureDiff diff = ArchitectureDiff.between(resolve(first), resolve(second));
        PrintWriter out = spec.commandLine().getOut();
        out.println("A: " + first + "  (" + totals(diff.before()) + ")");
        out.println("B: " + second + "  (" + totals(diff.after()) + ")");
        note(out, "A", diff.before());
        note(out, "B", diff.after());
        if (diff.identical()) {
            out.println("A and B are the same net: " + diff.before().architecture().layers().size() + " layers");
            return 0;
        }
        if (!diff.inputChanges().isEmpty()) {
            out.println("input: " + input(diff.before()) + " → " + input(diff.after()));
        }
        out.printf("     A    B  %-8s %-26s %s%n", "layer", "settings", "output shape");
        for (LayerChange row : diff.rows()) {
            print(out, row);
        }
        out.println("total params: " + total(diff.before().totalParams(), diff.after().totalParams()));
        out.println("total MACs: " + total(diff.before().totalMacs(), diff.after().totalMacs()));
        out.println("layers: " + diff.count(Change.REMOVED) + " removed, " + diff.count(Change.ADDED) + " added, "
                + diff.count(Change.CHANGED) + " changed, " + diff.count(Change.UNCHANGED) + " unchanged");
        return 0;
    }

    /**
     * An architecture named on the command line: a run folder (or its run.json), an architecture file, or,
     * when no such file exists, a preset.
     */
    static Architecture resolve(String argument) {
        Path path;
        try {
            path = Path.of(argument);
        } catch (InvalidPathException e) {
            path = null;
        }
        if (path != null && Files.isDirectory(path)) {
            if (!Files.isRegularFile(path.resolve(RunRecord.FILE))) {
                throw new UsageProblem(argument + " is a folder without a " + RunRecord.FILE
                        + ", so not a run; give an architecture file, a run folder or a preset name");
            }
            return run(path);
        }
        if (path != null && Files.exists(path)) {
            if (path.getFileName().toString().equals(RunRecord.FILE)) {
                return run(path.toAbsolutePath().getParent());
            }
            try {
                return ArchitectureJson.load(path);
            } catch (IOException e) {
                throw new UsageProblem("cannot read " + argument + ": " + e.getMessage());
            } catch (ArchitectureFormatException e) {
                throw new UsageProblem(argument + ": " + e.getMessage());
            }
        }
        Optional<Architecture> preset = Presets.byName(argument);
        return preset.orElseThrow(() -> new UsageProblem("cannot read " + argument
                + ": no such file or folder, and no preset of that name (presets: "
                + String.join(", ", Presets.names()) + ")"));
    }

    private static Architecture run(Path dir) {
        try {
            return RunRecord.read(dir).architecture();
        } catch (TrainingException e) {
            throw new UsageProblem(e.getMessage());
        }
    }

    private static void print(PrintWriter out, LayerChange row) {
        LayerReport shown = row.after() != null ? row.after() : row.before();
        String marker = switch (row.change()) {
            case UNCHANGED -> "=";
            case CHANGED -> "~";
            case ADDED -> "+";
            case REMOVED -> "-";
        };
        String deltas = (row.paramsDelta() == 0 ? "" : "  params " + signed(row.paramsDelta()))
                + (row.macsDelta() == 0 ? "" : "  MACs " + signed(row.macsDelta()));
        out.println(String.format(Locale.ROOT, "%s  %3s  %3s  %-8s %-26s %-36s%s", marker, index(row.beforeIndex()),
                index(row.afterIndex()), shown.kind(), shown.summary(), shapes(row), deltas).stripTrailing());
        if (!row.fields().isEmpty()) {
            out.println("               " + row.fields().stream().map(FieldChange::toString)
                    .collect(Collectors.joining(", ")));
        }
    }

    private static String shapes(LayerChange row) {
        String before = row.before() == null ? null : row.before().batchShape();
        String after = row.after() == null ? null : row.after().batchShape();
        if (before == null || after == null || before.equals(after)) {
            return before == null ? after : before;
        }
        return before + " → " + after;
    }

    private static void note(PrintWriter out, String which, Analysis analysis) {
        if (!analysis.valid()) {
            out.println("note: " + which + " is not a possible net (" + analysis.diagnostics().size()
                    + " problem" + (analysis.diagnostics().size() == 1 ? "" : "s")
                    + "; nin-explorer shapes explains them); its shapes stop where it breaks (?)");
        }
    }

    private static String totals(Analysis analysis) {
        return String.format(Locale.ROOT, "%s, %d layers, %d params, %d MACs", input(analysis),
                analysis.architecture().layers().size(), analysis.totalParams(), analysis.totalMacs());
    }

    private static String input(Analysis analysis) {
        return analysis.architecture().input().shape().toString();
    }

    private static String total(long before, long after) {
        String percent = before == 0 ? "" : String.format(Locale.ROOT, ", %+.1f%%", 100.0 * (after - before) / before);
        return before + " → " + after + " (" + signed(after - before) + percent + ")";
    }

    private static String index(int index) {
        return index < 0 ? "" : String.valueOf(index);
    }

    private static String signed(long value) {
        return value > 0 ? "+" + value : String.valueOf(value);
    }
}
