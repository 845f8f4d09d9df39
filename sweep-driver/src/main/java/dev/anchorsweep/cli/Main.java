package dev.anchorsweep.cli;

import dev.anchorsweep.config.InvalidConfigException;
import dev.anchorsweep.driver.DiskFull;
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
    public static final int DISK_FULL = DiskFull.EXIT_CODE;

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
            PrintWriter err = commandLine.getErr();
            if (e instanceof InvalidConfigException invalid) {
                err.println(invalid.getMessage());
                err.println("Nothing was run.");
                err.flush();
                return BAD_INPUT;
            }
            if (DiskFull.isCause(e)) {
                err.println(DiskFull.message(DiskFull.folder(e).orElse("the output folder")));
                err.flush();
                return DISK_FULL;
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

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
