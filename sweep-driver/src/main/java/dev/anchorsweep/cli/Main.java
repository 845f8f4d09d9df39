package dev.anchorsweep.cli;

import dev.anchorsweep.config.InvalidConfigException;
import dev.anchorsweep.results.ResultsFolderException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The one entry point of every command: {@code deploy/sweep <command> ...}. A user's mistake (bad arguments, a bad
 * config) is reported in one line (a config: one line per problem) without a stack trace, exit code 2; a full disk in
 * one line, exit code 4.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, version = "anchor-sweep 0.1.0",
        description = "Sparse Concept Anchoring sweeps on Apache Spark.",
        subcommands = {TrainCommand.class, ValidateCommand.class, RunCommand.class, BenchCommand.class, ReportCommand.class,
                SqlCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code of a bad config or bad arguments. */
    public static final int BAD_INPUT = 2;
    /** Exit code when a write failed for lack of disk space. */
    public static final int DISK_FULL = dev.anchorsweep.driver.DiskFull.EXIT_CODE;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, arguments) -> {
            String message = e.getMessage();
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
            }
            return badInput(e.getCommandLine(), message);
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof BadArgument) return badInput(commandLine, e.getMessage());
            if (dev.anchorsweep.driver.DiskFull.isCause(e)) return diskFull(commandLine, e);
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

    /** One line: what is wrong, and where the command's options are explained. */
    private static int badInput(CommandLine command, String message) {
        PrintWriter err = command.getErr();
        err.println(message.strip() + "; see deploy/" + command.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return BAD_INPUT;
    }

    /** One line naming the folder that could not be written, when the exception names it. */
    private static int diskFull(CommandLine command, Exception e) {
        PrintWriter err = command.getErr();
        err.println(dev.anchorsweep.driver.DiskFull.message(dev.anchorsweep.driver.DiskFull.folder(e)
                .orElse("the output folder")));
        err.flush();
        return DISK_FULL;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
