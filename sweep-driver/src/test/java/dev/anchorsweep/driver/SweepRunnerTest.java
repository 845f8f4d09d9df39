package dev.anchorsweep.driver;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValueFactory;
import dev.anchorsweep.config.RunConfigParser;
import dev.anchorsweep.job.RunTicket;
import dev.anchorsweep.results.ResultStore;
import dev.anchorsweep.run.RunSpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real local sweep on embedded Spark, its five tables read back with Spark SQL; resume; failures; retries. */
class SweepRunnerTest {

    @TempDir
    Path dir;

    static final String RUN = """
            model { latent-dim = 3, layers = 1 }
            training { steps = 40, validate-every = 20, history-every = 10 }
            concepts.red { label = "primary(red)", power = 8, scale = 0.08 }
            regularizers {
              anchor { type = anchor, concept = red, direction = [1, 0, 0], weight = 0.1 }
              separate { type = separate, power = 100, weight = [[0, 0.01], [40, 0]] }
            }
            interventions {
              suppress { type = suppression, direction = [1, 0, 0], score { against = red } }
              ablate { type = ablation, dims = [0], score { against = red } }
            }
            evaluation { sets = [named], latents { set = rgb-grid, steps = [0, 40] } }
            """;

    static RunTicket ticket(String sweep, String arm, int seed, String extra) {
        ConfigObject run = ConfigFactory.parseString(RUN + extra).resolve().root()
                .withValue("seed", ConfigValueFactory.fromAnyRef(seed));
        RunSpec spec = new RunConfigParser(null).parse(run, "run");
        String id = Integer.toHexString((arm + seed).hashCode()) + "x" + seed;
        return new RunTicket(sweep, id, arm, Map.of("lr", arm), spec);
    }

    static SweepRunner.Sweep sweep(String name, List<RunTicket> runs) {
        return new SweepRunner.Sweep(name, "sweep.name = " + name, null, runs);
    }

    SweepRunner.Result run(SweepRunner.Sweep sweep, Map<String, String> conf, ByteArrayOutputStream log) throws Exception {
        var options = new SweepRunner.Options(dir.resolve("out").toString(), "local[2,3]", 2, false, conf, 500);
        return new SweepRunner().run(sweep, options, new PrintStream(log, true));
    }

    @Test
    void localSweepWritesAllFiveTablesAndResumes() throws Exception {
        List<RunTicket> runs = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) runs.add(ticket("e2e", "base", seed, ""));
        for (int seed = 0; seed < 2; seed++) runs.add(ticket("e2e", "diverging", seed, "training.lr = 1e30\n"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SweepRunner.Result result = run(sweep("e2e", runs), Map.of(), log);
        System.out.println(log);
        System.out.println(result.summary().render());
        assertEquals(5, result.total());
        assertEquals(3, result.ok());
        assertEquals(2, result.failed());
        assertEquals(3, result.exitCode());
        assertTrue(log.toString().contains("5/5 runs"), log.toString());

        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", false).getOrCreate();
        try {
            dev.anchorsweep.analysis.ResultViews.register(spark, result.root());
            assertEquals(1L, count(spark, "SELECT count(*) FROM sweeps WHERE sweep_id = 'e2e' AND runs_ok = 3 AND runs_failed = 2"));
            assertEquals(5L, count(spark, "SELECT count(DISTINCT run_id) FROM runs"));
            assertEquals(2L, count(spark, "SELECT count(*) FROM runs WHERE status = 'failed' AND error LIKE 'diverged%' AND failed_step IS NOT NULL"));
            // history: steps 0,10,20,30,39 trained + validation after 20 and 40 (row 40 holds only validation)
            assertEquals(0L, count(spark, "SELECT count(*) FROM (SELECT run_id, count(*) n FROM history h JOIN runs r USING (run_id) WHERE r.status = 'ok' GROUP BY run_id) WHERE n <> 6"));
            assertEquals(3L * 3 * 17, count(spark, "SELECT count(*) FROM evaluations"));
            assertEquals(3L * 2 * 512, count(spark, "SELECT count(*) FROM latents"));
            assertEquals(3L, count(spark, "SELECT count(*) FROM evaluations WHERE color_name = 'red' AND intervention = 'ablate' AND error > 0.05"));
            assertEquals(3L, count(spark, "SELECT count(*) FROM runs WHERE status = 'ok' AND scores['ablate'] >= 0 AND label_counts['red'] >= 0"));
            // the printed summary (built from the workers' outcomes) agrees with Spark SQL over the committed tables
            SweepSummary.ArmLine base = result.summary().arms().stream().filter(a -> a.arm().equals("base")).findFirst().orElseThrow();
            assertEquals(3, base.ok());
            assertEquals(java.util.Set.of("baseline", "suppress", "ablate"), base.medianConceptError().keySet());
            assertEquals("red", base.conceptColor());
            assertEquals("cyan", base.complementColor());
            for (Row row : spark.sql("SELECT intervention, percentile(error, 0.5) FROM evaluations "
                    + "WHERE color_set = 'named' AND color_name = 'red' GROUP BY intervention").collectAsList()) {
                assertEquals(row.getDouble(1), base.medianConceptError().get(row.getString(0)), 1e-12, row.getString(0));
            }
            for (Row row : spark.sql("SELECT intervention, percentile(error, 0.5) FROM evaluations "
                    + "WHERE color_set = 'named' AND color_name = 'cyan' GROUP BY intervention").collectAsList()) {
                assertEquals(row.getDouble(1), base.medianComplementError().get(row.getString(0)), 1e-12, row.getString(0));
            }
        } finally {
            spark.stop();
        }

        // resume: uncommit two runs; only those are trained again
        ResultStore store = new ResultStore(result.root(), new Configuration());
        store.uncommit("e2e", Set.of(runs.get(0).runId(), runs.get(3).runId()));
        SweepRunner.Result again = run(sweep("e2e", runs), Map.of(), new ByteArrayOutputStream());
        assertEquals(2, again.trained());
        assertEquals(5, again.total());
        assertEquals(3, again.ok());
        assertEquals(result.summary().render(), again.summary().render(), "summary of resumed runs read back from the tables");
        // a killed run's progress files are cleared under the lock before anything is counted
        Path stale = Files.createDirectories(dir.resolve("out/_progress/e2e")).resolve("pack-999");
        Files.writeString(stale, "64 1.0");
        SweepRunner.Result nothing = run(sweep("e2e", runs), Map.of(), new ByteArrayOutputStream());
        assertEquals(0, nothing.trained());
        assertFalse(Files.exists(stale), "stale progress file removed");
        assertFalse(Files.exists(dir.resolve("out/_lock")), "lock released");

        // --rerun-failed: the failed runs' rows are rewritten out of their packs' files and trained again
        var rerun = new SweepRunner.Options(dir.resolve("out").toString(), "local[2,3]", 2, true, Map.of(), 500);
        SweepRunner.Result retried = new SweepRunner().run(sweep("e2e", runs), rerun, new PrintStream(new ByteArrayOutputStream(), true));
        assertEquals(2, retried.trained());
        assertEquals(2, retried.failed());
        SparkSession check = SparkSession.builder().master("local[1]").config("spark.ui.enabled", false).getOrCreate();
        try {
            dev.anchorsweep.analysis.ResultViews.register(check, result.root());
            assertEquals(5L, count(check, "SELECT count(*) FROM runs"));
            assertEquals(count(check, "SELECT count(*) FROM history"), count(check, "SELECT count(*) FROM stored_history"),
                    "no stored history row outside a committed run");
        } finally {
            check.stop();
        }
    }

    /** Spark settings that put the results on {@link FaultyFileSystem}, dying after renaming a file of {@code table}. */
    static Map<String, String> dieAfterRenaming(String table) {
        return Map.of("spark.hadoop.fs.faulty.impl", FaultyFileSystem.class.getName(),
                "spark.hadoop.fs.faulty.impl.disable.cache", "true",
                "spark.hadoop." + FaultyFileSystem.TABLE, table);
    }

    SweepRunner.Result runFaulty(SweepRunner.Sweep sweep, String table, ByteArrayOutputStream log) throws Exception {
        var options = new SweepRunner.Options("faulty://" + dir.resolve("out").toAbsolutePath(), "local[2,3]", 2, false,
                dieAfterRenaming(table), 500);
        return new SweepRunner().run(sweep, options, new PrintStream(log, true));
    }

    @Test
    void aRetriedTaskCannotDuplicateACommittedRun() throws Exception {
        List<RunTicket> runs = new ArrayList<>();
        for (int seed = 0; seed < 4; seed++) runs.add(ticket("retry", "base", seed, ""));
        SweepRunner.Result result = runFaulty(sweep("retry", runs), "runs", new ByteArrayOutputStream());
        assertEquals(4, result.ok());
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", false).getOrCreate();
        try {
            dev.anchorsweep.analysis.ResultViews.register(spark, dir.resolve("out").toUri().toString());
            assertOneRowSetPerRun(spark, 4);
            // every pack's first attempt died right after its commit; attempt 1 found its runs committed
            assertEquals(4L, count(spark, "SELECT count(*) FROM runs WHERE attempt = 0"));
            assertEquals(2L, count(spark, "SELECT count(DISTINCT commit_id) FROM runs"));
        } finally {
            spark.stop();
        }
    }

    @Test
    void aPackKilledBeforeItsRunsFileLeavesOrphansThatNoViewShowsAndResumeRemoves() throws Exception {
        List<RunTicket> runs = new ArrayList<>();
        for (int seed = 0; seed < 4; seed++) runs.add(ticket("killed", "base", seed, ""));
        SweepRunner.Result result = runFaulty(sweep("killed", runs), "history", new ByteArrayOutputStream());
        assertEquals(4, result.ok());
        Path history = dir.resolve("out/history/sweep_id=killed");
        assertEquals(4, files(history).size(), "two orphans of the killed attempts, two committed files");
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", false).getOrCreate();
        try {
            dev.anchorsweep.analysis.ResultViews.register(spark, dir.resolve("out").toUri().toString());
            assertOneRowSetPerRun(spark, 4);
            assertEquals(4L, count(spark, "SELECT count(*) FROM runs WHERE attempt = 1"));
            assertEquals(2L, count(spark, "SELECT count(DISTINCT commit_id) FROM stored_history")
                    - count(spark, "SELECT count(DISTINCT commit_id) FROM history"), "the orphans are stored, not shown");
        } finally {
            spark.stop();
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SweepRunner.Result resumed = run(sweep("killed", runs), Map.of(), log);
        assertEquals(0, resumed.trained());
        assertTrue(log.toString().contains("removed 2 file(s) of packs without a runs file"), log.toString());
        for (String table : List.of("runs", "history", "evaluations", "latents")) {
            assertEquals(2, files(dir.resolve("out/" + table + "/sweep_id=killed")).size(), table);
        }
    }

    /** Every run has the same number of rows in every table, as the views show them. */
    static void assertOneRowSetPerRun(SparkSession spark, int runs) {
        for (String table : List.of("runs", "history", "evaluations", "latents")) {
            List<Row> perRun = spark.sql("SELECT run_id, count(*) FROM " + table + " GROUP BY run_id").collectAsList();
            assertEquals(runs, perRun.size(), table);
            long distinct = perRun.stream().mapToLong(r -> r.getLong(1)).distinct().count();
            assertEquals(1, distinct, table + " rows per run differ: " + perRun);
        }
    }

    static List<Path> files(Path partition) throws java.io.IOException {
        try (var list = Files.list(partition)) {
            return list.filter(Files::isRegularFile).toList();
        }
    }

    static long count(SparkSession spark, String sql) {
        return spark.sql(sql).collectAsList().get(0).getLong(0);
    }
}
