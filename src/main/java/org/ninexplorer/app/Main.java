package org.ninexplorer.app;

import org.ninexplorer.cli.NinCli;
import org.ninexplorer.training.perf.FastPath;

import java.util.Locale;

/**
 * Starts the window when called without a command, the CLI otherwise. Not a JavaFX
 * {@code Application} subclass, so that the app runs from the classpath (ND4J cannot be modular).
 */
public final class Main {

    /** Exit status when the window cannot open (the CLI uses 1 for failures and 2 for usage problems). */
    static final int NO_DISPLAY = 3;
    private static final String CLI_HINT = "the command line works without one: nin-explorer --help";

    private Main() {
    }

    public static void main(String[] args) {
        FastPath.selectNativeBuild();
        if (args.length == 0 || (args.length == 1 && args[0].equals("--smoke-test"))) {
            System.exit(openWindow(args));
        }
        System.exit(NinCli.run(args));
    }

    private static int openWindow(String[] args) {
        String problem = displayProblem();
        if (problem != null) {
            System.err.println("error: " + problem);
            return NO_DISPLAY;
        }
        PlatformLogging.quietExpectedNotices();
        try {
            javafx.application.Application.launch(ExplorerApp.class, args);
        } catch (UnsupportedOperationException e) {
            // What the GTK toolkit throws when the display named by DISPLAY cannot be opened.
            System.err.println("error: cannot open the display " + System.getenv("DISPLAY") + " (" + e.getMessage()
                    + "); " + CLI_HINT);
            return NO_DISPLAY;
        }
        // Daemon threads (ND4J start-up, training) must not keep a closed app alive.
        return 0;
    }

    /** Why the window surely cannot open here, or null. Only an unset DISPLAY on Linux is that certain. */
    static String displayProblem() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        String display = System.getenv("DISPLAY");
        boolean monocle = System.getProperty("glass.platform") != null; // headless test runs bring their own
        if (linux && !monocle && (display == null || display.isBlank())) {
            return "no display to open the window on (DISPLAY is not set); " + CLI_HINT;
        }
        return null;
    }
}
