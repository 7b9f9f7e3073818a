package org.ninexplorer.app;

import org.ninexplorer.cli.NinCli;
import org.ninexplorer.training.perf.FastPath;

/**
 * Starts the window when called without a command, the CLI otherwise. Not a JavaFX
 * {@code Application} subclass, so that the app runs from the classpath (ND4J cannot be modular).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        FastPath.selectNativeBuild();
        if (args.length == 0 || (args.length == 1 && args[0].equals("--smoke-test"))) {
            javafx.application.Application.launch(ExplorerApp.class, args);
            // Daemon threads (ND4J start-up, training) must not keep a closed app alive.
            System.exit(0);
        }
        System.exit(NinCli.run(args));
    }
}
