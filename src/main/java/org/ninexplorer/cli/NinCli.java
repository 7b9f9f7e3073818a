package org.ninexplorer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The headless entry point: {@code nin-explorer shapes|train|bench ...}. */
@Command(name = "nin-explorer", mixinStandardHelpOptions = true, versionProvider = NinCli.Version.class,
        description = "Explore, edit and train the Network-in-Network CNN. With no command, opens the window.",
        subcommands = {ShapesCommand.class, TrainCommand.class, BenchCommand.class, DataBenchCommand.class})
public final class NinCli {

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
            throw e;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = NinCli.class.getPackage().getImplementationVersion();
            return new String[] {"NiN Explorer " + (version == null ? "(development build)" : version)};
        }
    }
}
