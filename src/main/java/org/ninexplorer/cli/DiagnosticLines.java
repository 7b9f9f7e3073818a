package org.ninexplorer.cli;

import java.util.Locale;
import java.util.stream.Collectors;
import org.ninexplorer.model.Analysis;
import org.ninexplorer.model.Diagnostic;
import org.ninexplorer.ui.common.Messages;

/** The CLI speaks English whatever the system's language: diagnostics as "layer 3 (kernel): …" lines. */
final class DiagnosticLines {

    /** The English the whole CLI is worded in, from the same bundle as the window. */
    static final Messages ENGLISH = Messages.of(Locale.ROOT);

    private DiagnosticLines() {
    }

    static String line(Diagnostic d) {
        String where = d.layerIndex() == Diagnostic.ARCHITECTURE ? "architecture" : "layer " + d.layerIndex();
        return where + (d.field() == null ? "" : " (" + d.field() + ")") + ": " + ENGLISH.text(d);
    }

    /** "invalid architecture:" and one indented line per diagnostic. */
    static String invalid(Analysis analysis) {
        return "invalid architecture:\n" + analysis.diagnostics().stream().map(d -> "  " + line(d))
                .collect(Collectors.joining("\n"));
    }
}
