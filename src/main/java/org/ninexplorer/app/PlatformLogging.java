package org.ninexplorer.app;

import javafx.application.Application;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Quiets two java.util.logging notices of the platform that are expected here and only alarm a user:
 * JavaFX's "Unsupported JavaFX configuration" warning, which it gives whenever JavaFX is on the class
 * path, as it is for {@code java -jar} and the tests (ND4J cannot be on the module path; the installed
 * app has JavaFX linked into its runtime as modules and gets no warning), and java.util.prefs' notice
 * that it created the preferences directory, on the first start. Any other JavaFX warning still shows.
 *
 * <p>The tests load it as a java.util.logging {@code config} class (src/test/resources/logging.properties).
 */
public final class PlatformLogging {

    private static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";
    // java.util.logging keeps loggers weakly: a setting on a logger nobody holds can be lost.
    private static final Logger JAVAFX = Logger.getLogger("javafx");
    private static final Logger PREFS = Logger.getLogger("java.util.prefs");

    /** For java.util.logging's {@code config} property, which instantiates the class. */
    public PlatformLogging() {
        quietExpectedNotices();
    }

    public static void quietExpectedNotices() {
        if (!Application.class.getModule().isNamed()) {
            JAVAFX.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith(CLASS_PATH_WARNING));
        }
        PREFS.setLevel(Level.WARNING);
    }
}
