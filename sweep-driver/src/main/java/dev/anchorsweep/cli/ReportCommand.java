package dev.anchorsweep.cli;

import dev.anchorsweep.analysis.FooterCheck;
import dev.anchorsweep.analysis.report.ReportJob;
import dev.anchorsweep.analysis.sql.BadQueryException;
import dev.anchorsweep.analysis.sql.ResultCatalog;
import dev.anchorsweep.driver.SweepStop;
import dev.anchorsweep.sweep.SweepConfig;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Writes a sweep's static report (HTML, PNG charts, CSV tables) from Spark SQL over its result tables. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a static report of a sweep from Spark SQL over its result tables: index.html (opens from "
                + "disk, no server or network), PNG charts, every table as CSV and the queries. Exit code 2 for a "
                + "folder without results.")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "output root of a sweep, e.g. results/isolated")
    String results;

    @Option(names = "--out", paramLabel = "DIR", description = "report folder (default RESULTS_DIR/report)")
    Path out;

    @Option(names = "--sweep", paramLabel = "ID", description = "the sweep to report when the folder holds several")
    String sweep;

    @Option(names = "--sweep-version", paramLabel = "N", description = "show version N of the sweep (default: the "
            + "latest; a sweep gets a new version each time it runs with a changed config)")
    Integer sweepVersion;

    @Mixin
    QuerySpark querySpark;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        querySpark.check();
        if (sweep != null && !SweepConfig.NAME.matcher(sweep).matches()) {
            throw new BadArgument("--sweep " + sweep + ": not a sweep name (" + SweepConfig.NAME.pattern() + ")");
        }
        String root = ResultsFolder.uri(results);
        Path folder = out != null ? out : defaultFolder(root);
        if (out != null) requireOutsideTables(root, folder);
        OutputFolder.require(out != null ? "--out " + out : "the report folder", folder);
        FooterCheck footers = querySpark.checkFooters(root); // while Spark starts
        SparkSession spark = querySpark.start("anchor-sweep report");
        try {
            ResultCatalog catalog = ResultCatalog.open(spark, root, sweepVersion, null, footers);
            ReportJob.Result result = null;
            SweepStop.Reason stopped;
            try (SweepStop stop = SweepStop.begin(() -> INTERRUPTED)) { // Ctrl-C: one line, not Spark's shutdown noise
                try {
                    result = new ReportJob().write(catalog, folder.toAbsolutePath(), sweep);
                } catch (RuntimeException e) {
                    if (stop.reason() == null) throw e;
                }
                stopped = stop.reason();
            }
            if (stopped != null) {
                err.println(INTERRUPTED);
                err.flush();
                return stopped.exitCode();
            }
            PrintWriter o = spec.commandLine().getOut();
            o.printf("report of sweep %s: %d charts, %d tables in %.1f s → %s%n", result.sweepId(), result.charts(),
                    result.tables(), result.seconds(), result.index().toUri());
            o.flush();
            return 0;
        } catch (IllegalArgumentException | BadQueryException e) {
            err.println(e.getMessage());
            err.flush();
            return Main.BAD_INPUT;
        } finally {
            spark.stop();
        }
    }

    /** A report inside a table's folder (e.g. --out RESULTS/runs) would break every later read of that table. */
    private void requireOutsideTables(String root, Path folder) {
        if (!root.startsWith("file:")) return;
        Path results = Path.of(java.net.URI.create(root)).toAbsolutePath().normalize();
        Path target = folder.toAbsolutePath().normalize();
        for (dev.anchorsweep.results.ResultTable<?> table : dev.anchorsweep.results.ResultTable.all()) {
            if (target.startsWith(results.resolve(table.name()))) {
                throw new BadArgument("--out " + out + ": inside the results' " + table.name() + " table ("
                        + results.resolve(table.name()) + "), whose folder holds only its Parquet files; give "
                        + "another folder, e.g. " + results.resolve("report"));
            }
        }
    }

    private static final String INTERRUPTED = "interrupted: the report was not finished; run the same command again";

    private Path defaultFolder(String root) {
        if (!root.startsWith("file:")) {
            throw new BadArgument("results under " + root + " are not on this machine's disk: give --out DIR");
        }
        return Path.of(java.net.URI.create(root)).resolve("report");
    }
}
