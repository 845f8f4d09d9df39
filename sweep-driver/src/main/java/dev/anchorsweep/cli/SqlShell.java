package dev.anchorsweep.cli;

import dev.anchorsweep.analysis.sql.BadQueryException;
import dev.anchorsweep.analysis.sql.QueryPrinter;
import dev.anchorsweep.analysis.sql.ReadOnlyStatement;
import dev.anchorsweep.analysis.sql.RefusedStatementException;
import dev.anchorsweep.analysis.sql.ReportViews;
import dev.anchorsweep.analysis.sql.ResultCatalog;
import dev.anchorsweep.analysis.sql.ResultFormat;
import dev.anchorsweep.analysis.sql.StatementSplitter;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code deploy/sweep sql RESULTS_DIR} without a query: statements one after another in one Spark session, so only the
 * first pays for Spark's start. On a terminal, a JLine prompt (line editing, history in
 * {@code ~/.anchor-sweep/sql_history}, a statement may span lines until its {@code ;}); otherwise the
 * {@code ;}-separated statements of standard input. Each result prints in the chosen format; an error prints as one
 * line and the next statement runs.
 */
final class SqlShell {

    static final String PROMPT = "sql> ";
    static final String MORE = "...> ";
    static final Path HISTORY = Path.of(System.getProperty("user.home"), ".anchor-sweep", "sql_history");

    private static final List<String> KEYWORDS = List.of("SELECT", "FROM", "WHERE", "GROUP BY", "ORDER BY", "HAVING",
            "LIMIT", "JOIN", "LEFT JOIN", "USING", "WITH", "VALUES", "DISTINCT", "UNION ALL", "SHOW TABLES", "DESCRIBE",
            "EXPLAIN", "count", "median", "percentile", "explode", "round");

    private final QueryPrinter printer;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;
    private ResultFormat format;
    private boolean quit;
    private int statements;
    private int failures;

    /** A shell printing to {@code out} and {@code err}; {@code interactive}: it times each statement. */
    SqlShell(QueryPrinter printer, ResultFormat format, PrintWriter out, PrintWriter err, boolean interactive) {
        this.printer = printer;
        this.format = format;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /** The prompt on this process's terminal, until {@code quit} or Ctrl-D; Ctrl-C cancels a running query. */
    static int interactive(QueryPrinter printer, ResultFormat format) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            PrintWriter writer = terminal.writer();
            SqlShell shell = new SqlShell(printer, format, writer, writer, true);
            LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("anchor-sweep sql")
                    .parser(new StatementParser())
                    .completer(new StringsCompleter(shell.words()))
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, MORE)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true); // '!' is SQL, not a history event
            if (historyFolderReady()) builder.variable(LineReader.HISTORY_FILE, HISTORY);
            LineReader reader = builder.build();
            warmUp(printer.catalog());
            writer.println("Spark SQL over " + printer.catalog().root() + " (read-only). End a statement with ; — "
                    + "help for the commands, quit to leave.");
            writer.flush();
            while (!shell.quit) {
                String input;
                try {
                    input = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C on the prompt drops the line
                } catch (EndOfFileException e) {
                    break;
                }
                Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT,
                        signal -> printer.catalog().spark().sparkContext().cancelAllJobs());
                try {
                    shell.accept(input);
                } finally {
                    terminal.handle(Terminal.Signal.INT, previous);
                }
            }
            return 0;
        }
    }

    /**
     * Runs a small query over {@code runs} in the background while the user types the first one: the first query of a
     * JVM pays for loading and compiling Spark's planner and scan code (seconds), the next ones do not.
     */
    private static void warmUp(ResultCatalog catalog) {
        Thread thread = new Thread(() -> {
            try {
                catalog.query("SELECT arm, count(*) AS runs FROM runs GROUP BY arm ORDER BY arm").collectAsList();
            } catch (Exception ignored) { // Spark's own are checked, though thrown undeclared (e.g. cancelled by Ctrl-C)
                // only a warm-up: the user's own queries report their errors
            }
        }, "sql-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs the {@code ;}-separated statements of {@code in} as they arrive (the last may lack its {@code ;}), and the
     * shell commands that stand alone on a line. Exit code 0 when every statement ran, {@link Main#BAD_INPUT} when any
     * was refused or failed.
     */
    int script(Reader in) throws IOException {
        BufferedReader lines = new BufferedReader(in);
        StringBuilder pending = new StringBuilder();
        String line;
        while (!quit && (line = lines.readLine()) != null) {
            if (!StatementSplitter.split(pending).open() && isCommand(line)) {
                pending.setLength(0);
                command(line);
                continue;
            }
            pending.append(line).append('\n');
            StatementSplitter.Split split = StatementSplitter.split(pending);
            for (String statement : split.statements()) execute(statement);
            pending = new StringBuilder(split.rest());
        }
        String last = StatementSplitter.split(pending).unfinished();
        if (!quit && !last.isEmpty()) execute(last);
        out.flush();
        return failures == 0 ? 0 : Main.BAD_INPUT;
    }

    /** One accepted input of the prompt: a shell command, or one or more complete statements. */
    void accept(String input) {
        if (isCommand(input)) {
            command(input);
            return;
        }
        StatementSplitter.Split split = StatementSplitter.split(input);
        for (String statement : split.statements()) execute(statement);
        if (split.open()) execute(split.unfinished());
    }

    private void execute(String statement) {
        statements++;
        String label = interactive ? "" : "statement " + statements + ": "; // a script's errors say which statement
        long start = System.nanoTime();
        try {
            if (statements > 1 && !interactive) out.println(); // a blank line between the results of a script
            printer.print(statement, format, out);
            if (interactive) out.printf(Locale.ROOT, "(%.2f s)%n", (System.nanoTime() - start) / 1e9);
        } catch (RefusedStatementException e) {
            fail(label + e.getMessage());
        } catch (BadQueryException e) {
            String hint = e.getMessage().contains("TABLE_OR_VIEW_NOT_FOUND") ? " (.tables lists the views)" : "";
            fail(label + "bad query: " + firstLine(e.getMessage()) + hint);
        } catch (UncheckedIOException e) {
            fail(label + e.getMessage());
        }
        out.flush();
    }

    private void fail(String message) {
        failures++;
        out.flush();
        err.println(message);
        err.flush();
    }

    static boolean isCommand(String line) {
        String word = commandWord(line);
        return word.startsWith(".") || List.of("help", "quit", "exit").contains(word);
    }

    private static String commandWord(String line) {
        String text = line.strip();
        if (text.endsWith(";")) text = text.substring(0, text.length() - 1).strip();
        String[] words = text.split("\\s+", 2);
        return words[0].toLowerCase(Locale.ROOT);
    }

    private void command(String line) {
        String text = line.strip().replaceFirst(";$", "").strip();
        String[] words = text.split("\\s+");
        switch (commandWord(line)) {
            case "help", ".help" -> help();
            case "quit", "exit", ".quit", ".exit" -> quit = true;
            case ".tables" -> tables();
            case ".format" -> {
                if (words.length == 2 && List.of("table", "csv", "json").contains(words[1].toLowerCase(Locale.ROOT))) {
                    format = ResultFormat.valueOf(words[1].toUpperCase(Locale.ROOT));
                } else if (words.length == 1) {
                    out.println("format: " + format);
                } else {
                    fail(".format takes table, csv or json, but got: " + text.substring(words[0].length()).strip());
                }
            }
            default -> fail("unknown command " + words[0] + ": the commands are .tables, .format, help and quit");
        }
        out.flush();
    }

    private void help() {
        out.println("""
                Spark SQL over %s, read-only (%s).
                A statement ends with ; and may span lines; several may share a line.
                  .tables                  the tables and views, and what a row of each is
                  .format table|csv|json   how results print (now: %s; the table shows the first %,d rows)
                  help                     this text
                  quit                     leave (or Ctrl-D); Ctrl-C cancels a running query
                History: %s""".formatted(printer.catalog().root(), ReadOnlyStatement.ALLOWED, format,
                ResultFormat.TABLE_ROWS, HISTORY));
    }

    private void tables() {
        ResultCatalog catalog = printer.catalog();
        out.println("tables: " + String.join(", ", catalog.tables()) + " (see the README's Results section)");
        out.println("views:");
        int width = catalog.views().stream().mapToInt(String::length).max().orElse(0);
        for (ReportViews.View view : ReportViews.ALL) {
            if (catalog.views().contains(view.name())) {
                out.println("  " + view.name() + " ".repeat(width - view.name().length() + 2) + view.description());
            }
        }
        String adaptive = dev.anchorsweep.analysis.adaptive.AdaptiveArmsView.NAME;
        if (catalog.views().contains(adaptive)) out.println("  " + adaptive + " ".repeat(width - adaptive.length() + 2)
                + dev.anchorsweep.analysis.adaptive.AdaptiveArmsView.DESCRIPTION);
    }

    private List<String> words() {
        List<String> words = new ArrayList<>(printer.catalog().names());
        words.addAll(KEYWORDS);
        words.addAll(List.of(".tables", ".format", "help", "quit"));
        return words;
    }

    private static String firstLine(String message) {
        for (String line : message.split("\n")) if (!line.isBlank()) return line.strip();
        return message.strip();
    }

    private static boolean historyFolderReady() {
        try {
            Files.createDirectories(HISTORY.getParent());
            return true;
        } catch (IOException e) {
            return false; // no history, but the prompt works
        }
    }

    /** JLine's line parser for the prompt: Enter continues a statement on a new line until it ends with ;. */
    private static final class StatementParser implements Parser {

        private final DefaultParser words = new DefaultParser();

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && !isCommand(line) && StatementSplitter.split(line).open()) {
                throw new EOFError(-1, -1, "a statement ends with ;");
            }
            return words.parse(line, cursor, context);
        }
    }
}
