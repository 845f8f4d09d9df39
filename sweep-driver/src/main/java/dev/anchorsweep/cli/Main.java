package dev.anchorsweep.cli;

import dev.anchorsweep.config.InvalidConfigException;
import dev.anchorsweep.results.ResultsFolderException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point of every command: {@code deploy/sweep <command> ...}. */
@Command(name = "sweep", mixinStandardHelpOptions = true, version = "anchor-sweep 0.1.0",
        description = "Sparse Concept Anchoring sweeps on Apache Spark.",
        subcommands = {TrainCommand.class, ValidateCommand.class, RunCommand.class, BenchCommand.class, ReportCommand.class,
                SqlCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code of a bad config or bad arguments. */
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InvalidConfigException invalid) {
                commandLine.getErr().println(invalid.getMessage());
                commandLine.getErr().println("Nothing was run.");
                return BAD_INPUT;
            }
            if (e instanceof ResultsFolderException folder) {
                commandLine.getErr().println(folder.getMessage());
                return BAD_INPUT;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
