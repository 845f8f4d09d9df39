package dev.anchorsweep.cli;

import dev.anchorsweep.analysis.sql.BadQueryException;
import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultCatalog;
import dev.anchorsweep.analysis.sql.ResultFormat;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Runs one Spark SQL query over a results folder's tables and the report's views, and prints the result. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a Spark SQL query over a results folder: views sweeps, runs, history, evaluations, latents "
                + "and the report views (arm_summary, best_runs, ...; see the README). Exit code 2 for a bad query "
                + "or folder, with Spark's message and no stack trace.")
public final class SqlCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "output root of a sweep, e.g. results/isolated")
    String results;

    @Parameters(index = "1", paramLabel = "QUERY", description = "a Spark SQL query, e.g. \"SELECT * FROM arm_summary\"")
    String query;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), csv or json")
    ResultFormat format = ResultFormat.TABLE;

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
            err.println(e.getMessage());
            err.flush();
            return Main.BAD_INPUT;
        }
        SparkSession spark = querySpark.start("anchor-sweep sql");
        ResultCatalog catalog = null;
        try {
            catalog = ResultCatalog.open(spark, root);
            QueryResult result = catalog.collect(query, format.maxRows());
            out.print(format.render(result));
            out.flush();
            return 0;
        } catch (BadQueryException e) {
            err.println("bad query: " + e.getMessage());
            if (e.getMessage().contains("TABLE_OR_VIEW_NOT_FOUND")) {
                err.println("The views of " + results + ": " + String.join(", ", catalog.names()));
            }
            err.flush();
            return Main.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return Main.BAD_INPUT;
        } finally {
            spark.stop();
        }
    }
}
