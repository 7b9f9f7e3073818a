package org.ninexplorer.data;

import java.util.Locale;
import org.ninexplorer.ui.common.Messages;

/** A dataset error in English, worded as the CLI words it ({@code DiagnosticLines.ENGLISH.error}). */
final class DatasetWords {

    private static final Messages ENGLISH = Messages.of(Locale.ROOT);

    private DatasetWords() {
    }

    static String english(Throwable e) {
        return ENGLISH.error(e);
    }
}
