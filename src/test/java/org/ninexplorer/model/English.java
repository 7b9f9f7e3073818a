package org.ninexplorer.model;

import java.util.Locale;
import org.ninexplorer.ui.common.Messages;

/** A diagnostic in the English bundle's words, as the CLI prints it: what the model's tests read. */
final class English {

    private static final Messages MESSAGES = Messages.of(Locale.ROOT);

    private English() {
    }

    static String text(Diagnostic d) {
        return MESSAGES.text(d);
    }

    /** An architecture file's format error as the CLI says it. */
    static String of(Throwable e) {
        return MESSAGES.error(e);
    }

    static String formula(Formula f) {
        return MESSAGES.formula(f);
    }
}
