package org.ninexplorer.cli;

import org.ninexplorer.export.Dl4jClass;
import org.ninexplorer.export.PyTorchScript;
import org.ninexplorer.model.Architecture;
import org.ninexplorer.training.Hyperparameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** Writes the architecture as a PyTorch script or a DL4J Java class to standard output. */
@Command(name = "code", mixinStandardHelpOptions = true,
        description = {"Write the architecture as code to standard output: a PyTorch script (python3 net.py prints "
                + "the output shapes, python3 net.py --train trains it on Fashion-MNIST) or a DL4J Java class "
                + "(save it as " + Dl4jClass.CLASS_NAME + ".java)."})
public final class CodeCommand implements Callable<Integer> {

    private static final List<String> LANGUAGES = List.of("pytorch", "dl4j");

    @Parameters(index = "0", paramLabel = "LANGUAGE", description = "pytorch or dl4j.",
            completionCandidates = Languages.class)
    String language;

    @Mixin
    ArchitectureOptions architecture;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!LANGUAGES.contains(language)) {
            throw new UsageProblem("unknown language '" + language + "'; choose pytorch or dl4j");
        }
        Architecture arch = architecture.resolveValid();
        Hyperparameters recipe = Hyperparameters.recommendedFor(arch, 0);
        String code = language.equals("pytorch") ? PyTorchScript.write(arch, recipe, architecture.label())
                : Dl4jClass.write(arch, recipe, architecture.label());
        spec.commandLine().getOut().print(code);
        spec.commandLine().getOut().flush();
        return 0;
    }

    static final class Languages implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return LANGUAGES.iterator();
        }
    }
}
