package dev.anchorsweep.report;

import dev.anchorsweep.cli.Cli;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tiny real sweep with a stopping rule (the isolated recipe × 60 steps, validation every 20, seeds 0-2 in one pack
 * on one task slot): a median rule with a factor so small that any run with an earlier run of its arm stops at its
 * {@code after} step, so seed 0 trains to the end and seeds 1 and 2 stop at step 20. The command exits 0, the runs
 * table records the stops, the {@code stopping_summary} view counts the steps saved, and the report has the section.
 */
class StoppingSweepRunTest {

    static final String CONFIG = """
            sweep { name = stopping-test }
            run {
              include "ex-2.9.1.conf"
              training { steps = 60, validate-every = 20 }
              stopping {
                behind { metric = validation.recon, median-factor = 1e-12, after = 20, min-runs = 1 }
              }
            }
            grid { seeds = "0..2" }
            """;

    @TempDir
    static Path dir;
    static Path results;
    static Cli run;
    static Cli report;
    static SparkSession spark;

    @BeforeAll
    static void runTheSweep() throws Exception {
        Path paperRun = Path.of("").toAbsolutePath().getParent().resolve("configs/paper/runs/ex-2.9.1.conf");
        Files.copy(paperRun, dir.resolve("ex-2.9.1.conf"));
        Path config = Files.writeString(dir.resolve("stopping.conf"), CONFIG);
        results = dir.resolve("results");
        run = Cli.run("run", config.toString(), "--out", results.toString(), "--master", "local[1]");
        report = Cli.run("report", results.toString(), "--out", dir.resolve("report").toString());
        spark = SparkSession.builder().master("local[1]").appName("stopping-sweep-test")
                .config("spark.ui.enabled", false).config("spark.sql.shuffle.partitions", 1).getOrCreate();
        dev.anchorsweep.analysis.sql.ResultCatalog.open(spark, results.toUri().toString());
    }

    @AfterAll
    static void close() {
        if (spark != null) spark.stop();
    }

    @Test
    void stoppedRunsAreNeitherOkNorFailedAndTheSweepSucceeds() {
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("3 runs: 1 ok, 2 stopped, 0 failed"), run.out());
        assertTrue(run.out().contains(" stopped "), "the summary table has a stopped column: " + run.out());
        List<Row> rows = spark.sql("SELECT seed, status, stopped_step, stop_rule, error FROM runs ORDER BY seed")
                .collectAsList();
        assertEquals("[[0,ok,null,null,null], [1,stopped,20,behind,null], [2,stopped,20,behind,null]]",
                rows.toString());
        // history ends at the stop step; evaluations are complete for the stopped runs too
        List<Row> last = spark.sql("""
                SELECT r.seed, max(h.step) FROM history h JOIN runs r USING (sweep_id, run_id)
                GROUP BY r.seed ORDER BY r.seed""").collectAsList();
        assertEquals("[[0,60], [1,20], [2,20]]", last.toString());
        List<Row> evaluations = spark.sql("""
                SELECT r.seed, count(*) FROM evaluations e JOIN runs r USING (sweep_id, run_id)
                GROUP BY r.seed ORDER BY r.seed""").collectAsList();
        assertEquals(3, evaluations.size());
        assertEquals(evaluations.get(0).getLong(1), evaluations.get(1).getLong(1));
        assertEquals("[3,1,0,2]", spark.sql("SELECT runs_total, runs_ok, runs_failed, runs_stopped FROM sweeps")
                .first().toString(), "the sweeps row counts the stopped runs apart");
    }

    @Test
    void theStoppingSummaryCountsTheStepsSaved() {
        Row r = spark.sql("SELECT runs, stopped, steps_trained, steps_saved, pct_saved FROM stopping_summary").first();
        // 60 + 20 + 20 trained of 3 × 60; 2 × 40 saved = 44.4 %
        assertEquals(3L, r.getLong(0));
        assertEquals(2L, r.getLong(1));
        assertEquals(100L, r.getLong(2));
        assertEquals(80L, r.getLong(3));
        assertEquals(44.4, ((Number) r.get(4)).doubleValue(), 1e-9);
        Row arm = spark.sql("SELECT ok, stopped, failed FROM arm_runs").first();
        assertEquals("[1,2,0]", arm.toString());
    }

    @Test
    void theReportHasTheStoppedRunsSection() throws Exception {
        assertEquals(0, report.code(), report.toString());
        String html = Files.readString(dir.resolve("report/index.html"));
        assertTrue(html.contains("<h2>Stopped runs</h2>"), "the section");
        assertTrue(html.contains("2 runs stopped early; they saved 80 of 180 model-steps (44.4 %)"), "the totals");
    }
}
