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
            catalog = ResultCatalog.open(spark, root, sweepVersion);
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
