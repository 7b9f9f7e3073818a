package org.ninexplorer.training;

import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Diagnostic;

import java.util.stream.Collectors;

/**
 * An architecture that shape inference found impossible was asked to become a network. The message lists the
 * diagnostics' codes, for logs; the CLI and the window say them in words from {@link #analysis()}.
 */
public class InvalidArchitectureException extends IllegalArgumentException {

    private final transient Analysis analysis;

    public InvalidArchitectureException(Analysis analysis) {
        super("invalid architecture:\n" + analysis.diagnostics().stream().map(d -> "  " + d)
                .collect(Collectors.joining("\n")));
        this.analysis = analysis;
    }

    public Analysis analysis() {
        return analysis;
    }
}
