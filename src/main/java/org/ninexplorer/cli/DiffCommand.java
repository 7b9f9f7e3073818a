package org.ninexplorer.cli;

import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.ArchitectureDiff;
import org.ninexplorer.model.ArchitectureFormatException;
import org.ninexplorer.model.ArchitectureJson;
import org.ninexplorer.model.Presets;
import org.ninexplorer.training.RunRecord;
import org.ninexplorer.training.TrainingException;
import org.ninexplorer.ui.common.DiffWords;
import org.ninexplorer.ui.common.Messages;
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
        DiffWords.lines(Messages.of(Locale.ROOT), diff, first, second).forEach(out::println);
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
                throw new UsageProblem(argument + ": " + DiagnosticLines.ENGLISH.words(e));
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
}
