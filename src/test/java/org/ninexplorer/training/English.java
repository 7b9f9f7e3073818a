package org.ninexplorer.training;

import java.util.Locale;
import java.util.Optional;
import org.ninexplorer.ui.common.Messages;

/** What the engine said, in the English the CLI prints, for tests that check its words. */
public final class English {

    private static final Messages ENGLISH = Messages.of(Locale.ROOT);

    private English() {
    }

    public static String of(RunMessage message) {
        return ENGLISH.engine(message);
    }

    public static String of(Optional<RunMessage> message) {
        return message.map(English::of).orElse("");
    }

    public static String of(TrainingEvent.Finished finished) {
        return of(finished.message());
    }
}
