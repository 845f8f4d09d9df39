package dev.anchorsweep.driver;

import dev.anchorsweep.analysis.FooterCheck;
import dev.anchorsweep.analysis.ResultViews;
import dev.anchorsweep.analysis.sql.ReportViews;
import dev.anchorsweep.job.RunTicket;
import dev.anchorsweep.results.ResultsFolderException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sweep re-run with a changed config: a new version that reuses the unchanged runs; the views show one version. */
class SweepVersionsTest {

    @TempDir
    Path dir;

    SweepRunner.Result run(SweepRunner.Sweep sweep, ByteArrayOutputStream log) throws Exception {
        var options = new SweepRunner.Options(dir.resolve("out").toString(), "local[2,3]", 2, false, Map.of(), 500);
        return new SweepRunner().run(sweep, options, new PrintStream(log, true));
    }

    @Test
    void aChangedConfigIsANewVersionThatReusesUnchangedRunsAndTheViewsShowOneVersion() throws Exception {
        RunTicket kept = SweepRunnerTest.ticket("ver", "base", 0, "");
        RunTicket dropped = SweepRunnerTest.ticket("ver", "base", 1, "");
        RunTicket added = SweepRunnerTest.ticket("ver", "stronger", 0, "regularizers.anchor.weight = 0.2\n");
        SweepRunner.Result first = run(new SweepRunner.Sweep("ver", "anchor weight 0.1", null, List.of(kept, dropped)),
                new ByteArrayOutputStream());
        assertEquals(2, first.trained());

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SweepRunner.Sweep changed = new SweepRunner.Sweep("ver", "anchor weight 0.2", null, List.of(kept, added));
        SweepRunner.Result second = run(changed, log);
        assertEquals(1, second.trained(), "the unchanged run is reused");
        assertEquals(2, second.total());
        assertEquals(2, second.ok(), "the summary counts the version's runs only");
        String hash1 = VersionChoice.sha256("anchor weight 0.1").substring(0, 8), hash2 = VersionChoice.sha256("anchor weight 0.2").substring(0, 8);
        assertTrue(log.toString().contains("config changed since version 1 (config hash " + hash1 + " → " + hash2
                + "): version 2, 1 of 2 runs reused"), log.toString());
        assertTrue(log.toString().contains("sweep ver (version 2): 2 runs, 1 already committed, 1 to train"), log.toString());

        assertEquals(0, run(changed, new ByteArrayOutputStream()).trained(), "unchanged config: same version, resumed");

        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", false).getOrCreate();
        try {
            String root = dir.resolve("out").toUri().toString();
            List<String> names = ResultViews.register(spark, root);
            assertEquals(List.of("sweeps", "runs", "history", "evaluations", "latents", "sweep_versions"), names);
            assertEquals(Map.of(kept.runId(), 1, added.runId(), 2), versions(spark));
            assertEquals(Set.of(kept.runId(), added.runId()), runIds(spark, "history"));
            assertEquals(Set.of(kept.runId(), added.runId()), runIds(spark, "latents"));
            assertEquals(List.of(2), ints(spark, "SELECT version FROM sweeps"));
            assertEquals(List.of(1, 2), ints(spark, "SELECT version FROM sweep_versions ORDER BY version"));
            assertEquals(List.of(2), ints(spark, "SELECT runs_ok FROM sweeps"));

            ResultViews.register(spark, root, 1);
            assertEquals(Map.of(kept.runId(), 1, dropped.runId(), 1), versions(spark));
            assertEquals(Set.of(kept.runId(), dropped.runId()), runIds(spark, "evaluations"));
            assertEquals(List.of(1), ints(spark, "SELECT version FROM sweeps"));

            ResultsFolderException e = assertThrows(ResultsFolderException.class, () -> ResultViews.register(spark, root, 7));
            assertEquals("no sweep in " + root + " has version 7; its versions: 1, 2", e.getMessage());

            // as report and sql open a folder: the footer check started before, the report views over the tables, runs
            // cached (the report's first query fills it); each version still shows its own runs only
            for (int version : new int[] {1, 2}) {
                FooterCheck footers = FooterCheck.start(root, spark.sparkContext().hadoopConfiguration());
                List<String> tables = ResultViews.register(spark, root, version, footers);
                List<String> views = ReportViews.register(spark, tables); // (this sweeps' configs are not HOCON)
                spark.catalog().cacheTable("runs");
                try {
                    Set<String> shown = version == 1 ? Set.of(kept.runId(), dropped.runId()) : Set.of(kept.runId(), added.runId());
                    assertEquals(shown, versions(spark).keySet(), "version " + version);
                    assertEquals(shown, runIds(spark, "evaluations"), "version " + version);
                    assertEquals(shown, runIds(spark, "run_flags"), "version " + version);
                    assertEquals(List.of(version), ints(spark, "SELECT version FROM sweeps"));
                    assertTrue(views.contains("arm_summary"), views.toString());
                } finally {
                    spark.catalog().uncacheTable("runs");
                }
            }
            FooterCheck footers = FooterCheck.start(root, spark.sparkContext().hadoopConfiguration());
            e = assertThrows(ResultsFolderException.class, () -> ResultViews.register(spark, root, 7, footers));
            assertEquals("no sweep in " + root + " has version 7; its versions: 1, 2", e.getMessage());
        } finally {
            spark.stop();
        }
    }

    private static Map<String, Integer> versions(SparkSession spark) {
        Map<String, Integer> versions = new TreeMap<>();
        for (Row r : spark.sql("SELECT run_id, sweep_version FROM runs").collectAsList()) {
            if (versions.put(r.getString(0), r.getInt(1)) != null) throw new AssertionError("run " + r.getString(0) + " twice");
        }
        return versions;
    }

    private static Set<String> runIds(SparkSession spark, String table) {
        Set<String> ids = new TreeSet<>();
        spark.sql("SELECT DISTINCT run_id FROM " + table).collectAsList().forEach(r -> ids.add(r.getString(0)));
        return ids;
    }

    private static List<Integer> ints(SparkSession spark, String sql) {
        return spark.sql(sql).collectAsList().stream().map(r -> r.getInt(0)).toList();
    }
}
