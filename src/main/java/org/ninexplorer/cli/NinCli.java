package org.ninexplorer.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The headless entry point: {@code nin-explorer shapes|train|bench ...}. */
@Command(name = "nin-explorer", mixinStandardHelpOptions = true, versionProvider = NinCli.Version.class,
        description = "Explore, edit and train the Network-in-Network CNN. With no command, opens the window.",
        subcommands = {ShapesCommand.class, TrainCommand.class, BenchCommand.class, DataBenchCommand.class,
                DiffCommand.class, CodeCommand.class})
public final class NinCli {

    private static final Logger LOGGER = LoggerFactory.getLogger(NinCli.class);

    /** Runs the command line and returns the exit status (2 for usage problems and invalid nets). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new NinCli()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageProblem) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 2;
            }
            // Not the user's doing; the trace goes to the log, the user gets one line.
            LOGGER.debug("unexpected failure", e);
            commandLine.getErr().println("error: unexpected failure (" + e + "); this is a bug in NiN Explorer");
            return 1;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory (" + e.getMessage() + "); try a smaller batch or input size, "
                    + "or give Java more memory with -Xmx");
            return 1;
        } catch (StackOverflowError e) {
            err.println("error: the input is nested too deeply to process (stack overflow)");
            return 1;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = NinCli.class.getPackage().getImplementationVersion();
            return new String[] {"NiN Explorer " + (version == null ? "(development build)" : version)};
        }
    }
}
