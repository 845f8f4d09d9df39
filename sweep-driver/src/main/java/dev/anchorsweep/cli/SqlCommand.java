package dev.anchorsweep.cli;

import dev.anchorsweep.analysis.FooterCheck;
import dev.anchorsweep.analysis.sql.BadQueryException;
import dev.anchorsweep.analysis.sql.QueryPrinter;
import dev.anchorsweep.analysis.sql.ReadOnlyStatement;
import dev.anchorsweep.analysis.sql.RefusedStatementException;
import dev.anchorsweep.analysis.sql.ResultCatalog;
import dev.anchorsweep.analysis.sql.ResultFormat;
import dev.anchorsweep.driver.SweepStop;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Runs read-only Spark SQL over a results folder's tables and the report's views and prints the result: one query, or,
 * without one, a prompt ({@link SqlShell}) that reuses one Spark session.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run read-only Spark SQL (SELECT, WITH, VALUES, TABLE, SHOW, DESCRIBE, EXPLAIN) over a results "
                + "folder: views sweeps, runs, history, evaluations, latents and the report views (arm_summary, "
                + "best_runs, ...; see the README). Without QUERY: a prompt on a terminal, else the ;-separated "
                + "statements of standard input. Exit code 2 for a bad or refused query or a bad folder, with one "
                + "message and no stack trace; a refused statement runs nothing.")
public final class SqlCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "output root of a sweep, e.g. results/isolated")
    String results;

    @Parameters(index = "1", arity = "0..1", paramLabel = "QUERY",
            description = "a Spark SQL query, e.g. \"SELECT * FROM arm_summary\"; without it, a prompt")
    String query;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table (default: the first 1,000 rows, aligned), csv or json (every row, streamed)")
    ResultFormat format = ResultFormat.TABLE;

    @Option(names = "--sweep-version", paramLabel = "N", description = "show version N of the sweep (default: the "
            + "latest; a sweep gets a new version each time it runs with a changed config)")
    Integer sweepVersion;

    @Mixin
    QuerySpark querySpark;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        querySpark.check();
        if (query != null && query.isBlank()) {
            throw new BadArgument("QUERY is empty: give a Spark SQL query, e.g. \"SELECT * FROM runs\"");
        }
        String root;
        try {
            root = ResultsFolder.uri(results);
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        FooterCheck footers = querySpark.checkFooters(root); // while Spark starts
        SparkSession spark = querySpark.start(query == null ? "anchor-sweep sql shell" : "anchor-sweep sql");
        ResultCatalog catalog = null;
        try {
            if (query != null) ReadOnlyStatement.require(spark, query); // refused before anything reads the tables
            // one query registers only the report views it reads; the prompt and stdin, every view
            Set<String> reads = query == null ? null : ReadOnlyStatement.reads(spark, query).orElse(null);
            catalog = ResultCatalog.open(spark, root, sweepVersion, reads, footers);
            QueryPrinter printer = new QueryPrinter(catalog);
            if (query == null) {
                if (System.console() != null) return SqlShell.interactive(printer, format);
                return new SqlShell(printer, format, out, err, false)
                        .script(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            }
            SweepStop.Reason stopped;
            try (SweepStop stop = SweepStop.begin(() -> INTERRUPTED)) { // Ctrl-C: one line, not Spark's job error
                try {
                    printer.print(query, format, out);
                } catch (RuntimeException e) {
                    if (stop.reason() == null) throw e;
                }
                stopped = stop.reason();
            }
            if (stopped == null) return 0;
            out.flush();
            err.println(INTERRUPTED);
            err.flush();
            return stopped.exitCode();
        } catch (RefusedStatementException e) {
            return fail(err, e.getMessage());
        } catch (BadQueryException e) {
            String views = e.getMessage().contains("TABLE_OR_VIEW_NOT_FOUND") && catalog != null
                    ? "\nThe views of " + results + ": " + String.join(", ", catalog.names()) : "";
            return fail(err, "bad query: " + e.getMessage() + views);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return fail(err, e.getMessage());
        } catch (IOException e) {
            return fail(err, "cannot read the statements: " + e.getMessage());
        } finally {
            out.flush();
            spark.stop();
        }
    }

    private static final String INTERRUPTED = "interrupted: the query was cancelled";

    private static int fail(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return Main.BAD_INPUT;
    }
}
