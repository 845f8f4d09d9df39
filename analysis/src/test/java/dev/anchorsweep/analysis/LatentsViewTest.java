package dev.anchorsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValueFactory;
import dev.anchorsweep.color.ColorSet;
import dev.anchorsweep.color.Rgb;
import dev.anchorsweep.config.RunConfigParser;
import dev.anchorsweep.evaluation.LatentSnapshot;
import dev.anchorsweep.evaluation.RunEvaluation;
import dev.anchorsweep.evaluation.RunEvaluator;
import dev.anchorsweep.job.Provenance;
import dev.anchorsweep.job.RunRowsBuilder;
import dev.anchorsweep.job.RunTicket;
import dev.anchorsweep.results.ResultStore;
import dev.anchorsweep.results.RunRows;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.train.TrainedRun;
import dev.anchorsweep.train.TrainerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code latents} view of real written packs: stored as one row per snapshot with the colours as arrays, it shows
 * the documented long form, one row per colour, holding exactly the colours and latents the run's own evaluation
 * produced; the latents of a pack whose runs file was never written do not show.
 */
class LatentsViewTest {

    private static final String RUN = """
            model { latent-dim = 3, layers = 1 }
            training { steps = 20 }
            interventions { suppress { type = suppression, direction = [1, 0, 0] } }
            evaluation { sets = [named], latents { set = rgb-grid, steps = [0, 20], interventions = [suppress] } }
            """;

    @TempDir
    Path dir;

    @Test
    void longFormHoldsTheRunsOwnLatentsAndNoUncommittedOnes() throws Exception {
        RunTicket committed = ticket(0);
        RunTicket orphan = ticket(1);
        List<TrainedRun> trained = TrainerFactory.trainer().train(List.of(committed.spec(), orphan.spec()));
        RunEvaluation evaluation = new RunEvaluator().evaluate(trained.get(0));
        RunRows rows = rows(committed, trained.get(0), evaluation);
        RunRows orphanRows = rows(orphan, trained.get(1), new RunEvaluator().evaluate(trained.get(1)));

        ResultStore store = new ResultStore(dir.toUri().toString(), new Configuration());
        store.commitPack("s1", "p1-a0-00000001", List.of(rows));
        // a second attempt at the run plus another run, killed after the latents file and before its runs file
        store.commitPack("s1", "p2-a0-00000002", List.of(rows, orphanRows));
        Files.delete(dir.resolve("runs/sweep_id=s1/part-p2-a0-00000002.parquet"));

        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", false).getOrCreate();
        try {
            ResultViews.register(spark, dir.toUri().toString());
            assertEquals(List.of("schema_version", "sweep_id", "run_id", "commit_id", "step", "intervention", "color_set",
                    "color_index", "r", "g", "b", "latent"), List.of(spark.table("latents").columns()));
            assertEquals("int", spark.table("latents").schema().apply("color_index").dataType().simpleString());
            assertEquals("array<double>", spark.table("latents").schema().apply("latent").dataType().simpleString());

            List<Row> shown = spark.sql("SELECT * FROM latents ORDER BY step, intervention, color_index").collectAsList();
            List<Object[]> expected = new ArrayList<>();
            List<LatentSnapshot> snapshots = new ArrayList<>(evaluation.latents());
            snapshots.sort(java.util.Comparator.comparingInt(LatentSnapshot::step).thenComparing(LatentSnapshot::intervention));
            for (LatentSnapshot s : snapshots) {
                ColorSet set = s.set();
                for (int i = 0; i < set.size(); i++) expected.add(new Object[] {s.step(), s.intervention(), set.name(), i, set.color(i), s.latents()[i]});
            }
            assertEquals(3, snapshots.size(), "steps 0 and 20, and 20 under suppress");
            assertEquals(expected.size(), shown.size(), "one row per colour of each snapshot of the committed run");
            for (int k = 0; k < expected.size(); k++) {
                Object[] e = expected.get(k);
                Row row = shown.get(k);
                String where = "row " + k + ": step " + e[0] + ", " + e[1] + ", colour " + e[3];
                assertEquals("s1", row.getAs("sweep_id"), where);
                assertEquals(committed.runId(), row.getAs("run_id"), where);
                assertEquals("p1-a0-00000001", row.getAs("commit_id"), where);
                assertEquals(e[0], row.getAs("step"), where);
                assertEquals(e[1], row.getAs("intervention"), where);
                assertEquals(e[2], row.getAs("color_set"), where);
                assertEquals(e[3], row.getAs("color_index"), where);
                Rgb colour = (Rgb) e[4];
                assertArrayEquals(new double[] {colour.r(), colour.g(), colour.b()},
                        new double[] {row.getAs("r"), row.getAs("g"), row.getAs("b")}, 0, where);
                List<Double> latent = row.getList(row.fieldIndex("latent"));
                assertArrayEquals((double[]) e[5], latent.stream().mapToDouble(Double::doubleValue).toArray(), 0, where);
            }
            // the uncommitted pack's rows are stored (so the view has something to hide), and hidden
            assertEquals(2L, count(spark, "SELECT count(DISTINCT commit_id) FROM stored_latents WHERE run_id = '" + committed.runId() + "'"));
            assertTrue(count(spark, "SELECT count(*) FROM stored_latents WHERE run_id = '" + orphan.runId() + "'") > 0);
            assertEquals(0L, count(spark, "SELECT count(*) FROM latents WHERE run_id = '" + orphan.runId()
                    + "' OR commit_id = 'p2-a0-00000002'"));
        } finally {
            spark.stop();
        }
    }

    private static RunTicket ticket(int seed) {
        ConfigObject run = ConfigFactory.parseString(RUN).resolve().root().withValue("seed", ConfigValueFactory.fromAnyRef(seed));
        RunSpec spec = new RunConfigParser(null).parse(run, "run");
        return new RunTicket("s1", "run-" + seed, "base", Map.of(), spec);
    }

    private static RunRows rows(RunTicket ticket, TrainedRun trained, RunEvaluation evaluation) {
        assertTrue(trained.ok(), "seed " + trained.spec().seed() + " failed: " + trained.failure());
        return RunRowsBuilder.build(ticket, trained, evaluation, null, "p", 0, 1, Provenance.here("test"), Instant.now());
    }

    private static long count(SparkSession spark, String sql) {
        return spark.sql(sql).collectAsList().get(0).getLong(0);
    }
}
