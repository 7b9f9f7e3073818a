package org.ninexplorer.app;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformLoggingTest {

    @Test
    void javaFxsClassPathWarningIsDroppedAndItsOtherWarningsKept() {
        Logger javafx = Logger.getLogger("javafx");
        List<String> published = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                published.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        javafx.addHandler(handler);
        javafx.setUseParentHandlers(false); // keeps the console of the test run quiet
        try {
            PlatformLogging.quietExpectedNotices();
            // What JavaFX 21's PlatformImpl.startup logs when it is loaded from the class path, as here.
            javafx.warning("Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1b2c3d4'");
            javafx.warning("Some other JavaFX warning");

            assertThat(published).containsExactly("Some other JavaFX warning");
        } finally {
            javafx.removeHandler(handler);
            javafx.setUseParentHandlers(true);
        }
    }

    @Test
    void thePreferencesFirstStartNoticeIsQuietAndItsWarningsAreNot() {
        PlatformLogging.quietExpectedNotices();
        Logger prefs = Logger.getLogger("java.util.prefs");

        assertThat(prefs.isLoggable(Level.INFO)).isFalse();
        assertThat(prefs.isLoggable(Level.WARNING)).isTrue();
    }
}
