package dev.anchorsweep.report;

import dev.anchorsweep.analysis.sql.ReportViews;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The views run_phases, loss_spikes, phase_loss and spike_summary over hand-made runs and histories (logged every 10
 * steps) whose spikes and variances are worked out by hand below, registered as the tables {@code runs} and
 * {@code history} they read.
 */
class LossSpikesTest {

    static SparkSession spark;

    /** 1 at even multiples of 10, 3 at odd ones: median of any 10 consecutive logged steps 2, variance 1. */
    static double alternating(int step, double low, double high) {
        return (step / 10) % 2 == 0 ? low : high;
    }

    @BeforeAll
    static void open() {
        spark = SparkSession.builder().master("local[1]").appName("loss-spikes-test")
                .config("spark.ui.enabled", false).config("spark.sql.shuffle.partitions", 1).getOrCreate();
        StructType runs = new StructType().add("sweep_id", "string").add("run_id", "string").add("arm", "string")
                .add("seed", "long").add("status", "string").add("steps", "int").add("spec", "string")
                .add("val_recon", "double");
        StructType history = new StructType().add("sweep_id", "string").add("run_id", "string").add("step", "int")
                .add("lr", "double")
                .add("weights", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
                .add("losses", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType));
        List<Row> runRows = new ArrayList<>();
        List<Row> historyRows = new ArrayList<>();
        String twoPhases = "{\"seed\":0,\"training\":{\"phases\":[[0,\"one\"],[200,\"two\"]],\"steps\":400}}";
        // stepped, seeds 0-2: a spike at 200 of 10, 6, 8 over the median 2 before it; phase two alternates 2/6,
        // 0.5/1.5, 1/3 from step 300
        run(runRows, historyRows, "a", "stepped", 0, "ok", 400, twoPhases, 0.001,
                t -> t == 200 ? 10 : t == 210 ? 7 : t < 300 ? alternating(t, 1, 3) : alternating(t, 2, 6), t -> Map.of());
        run(runRows, historyRows, "b", "stepped", 1, "ok", 400, twoPhases, 0.001,
                t -> t == 200 ? 6 : t < 300 ? alternating(t, 1, 3) : alternating(t, 0.5, 1.5), t -> Map.of());
        run(runRows, historyRows, "c", "stepped", 2, "ok", 400, twoPhases, 0.001,
                t -> t == 200 ? 8 : alternating(t, 1, 3), t -> Map.of());
        // a degenerate run (val recon 0.5 > 0.08) and a failed one: left out of the summary
        run(runRows, historyRows, "d", "stepped", 3, "ok", 400, twoPhases, 0.5,
                t -> t == 200 ? 200 : alternating(t, 1, 3), t -> Map.of());
        run(runRows, historyRows, "e", "stepped", 4, "failed", 400, twoPhases, null,
                t -> t == 200 ? 200 : alternating(t, 1, 3), t -> Map.of());
        // no phases in its config: cut where a scheduled value jumps. data-fraction jumps 0.2 → 1 at 150; the
        // anchor weight ramps up from 0 by 0.001 per logged step (a 100 % change at step 10, but 0.001 is < 30 % of
        // its span 0.029: not a jump); recon and lr are constant
        run(runRows, historyRows, "f", "jumps", 0, "ok", 300, "{\"seed\":0,\"training\":{\"steps\":300}}", 0.001,
                t -> t == 150 ? 12 : alternating(t, 1, 3),
                t -> Map.of("anchor", t / 10 * 0.001, "data-fraction", t < 150 ? 0.2 : 1.0, "recon", 1.0));
        // phases 50 steps apart: each window is clipped to the phases on either side of its change
        run(runRows, historyRows, "g", "close", 0, "ok", 250,
                "{\"training\":{\"phases\":[[0,\"a\"],[100,\"b\"],[150,\"c\"]]}}", 0.001,
                t -> t == 100 ? 20 : t == 150 ? 30 : 2, t -> Map.of());
        spark.createDataFrame(runRows, runs).createOrReplaceTempView("runs");
        spark.createDataFrame(historyRows, history).createOrReplaceTempView("history");
        ReportViews.register(spark, List.of("runs", "history"), Set.of("spike_summary"));
    }

    /** A run's runs row and its history: logged every 10 steps up to steps − 1, and the final row without losses. */
    static void run(List<Row> runs, List<Row> history, String id, String arm, long seed, String status, int steps,
                    String spec, Double valRecon, IntToDoubleFunction total,
                    java.util.function.IntFunction<Map<String, Double>> weights) {
        runs.add(RowFactory.create("s", id, arm, seed, status, steps, spec, valRecon));
        for (int t = 0; t < steps; t += 10) {
            history.add(RowFactory.create("s", id, t, 0.01, scala(weights.apply(t)),
                    scala(Map.of("total", total.applyAsDouble(t), "recon", total.applyAsDouble(t) / 2))));
        }
        history.add(RowFactory.create("s", id, steps, 0.01, scala(weights.apply(steps)), scala(Map.of())));
    }

    static scala.collection.Map<String, Double> scala(Map<String, Double> map) {
        return JavaConverters.mapAsScalaMapConverter(new LinkedHashMap<>(map)).asScala();
    }

    @AfterAll
    static void close() {
        if (spark != null) spark.stop();
    }

    static List<String> rows(String query) {
        return spark.sql(query).collectAsList().stream().map(Row::toString).toList();
    }

    @Test
    void phasesComeFromTheConfigElseFromScheduleJumps() {
        assertEquals(List.of("[1,one,0,200,config]", "[2,two,200,400,config]"),
                rows("SELECT phase, name, start_step, end_step, source FROM run_phases WHERE run_id = 'a' ORDER BY phase"));
        assertEquals(List.of("[1,start,0,150,schedule jumps]", "[2,from step 150,150,300,schedule jumps]"),
                rows("SELECT phase, name, start_step, end_step, source FROM run_phases WHERE run_id = 'f' ORDER BY phase"));
        assertEquals(0L, spark.sql("SELECT count(*) FROM run_phases WHERE run_id = 'e'").first().getLong(0),
                "a failed run has no phases");
    }

    @Test
    void spikeIsTheLargestLossAfterAChangeOverTheMedianBefore() {
        // a: after [200, 300): max 10 at 200; before [100, 200): five 1s and five 3s, median 2 → 5
        // b: 6 / 2 = 3; c: 8 / 2 = 4; d: 200 / 2 = 100; f: 12 at 150 over [50, 150)'s median 2 → 6
        assertEquals(List.of("[a,200,two,2.0,10.0,200,5.0]", "[b,200,two,2.0,6.0,200,3.0]",
                        "[c,200,two,2.0,8.0,200,4.0]", "[d,200,two,2.0,200.0,200,100.0]",
                        "[f,150,from step 150,2.0,12.0,150,6.0]"),
                rows("SELECT run_id, step, phase_name, before_median, after_max, peak_step, spike FROM loss_spikes "
                        + "WHERE run_id <> 'g' ORDER BY run_id"));
        // g, change at 100: before [0, 100): ten 2s; after clipped to [100, 150) (not 30 at 150): 20 / 2 = 10.
        // change at 150: before clipped to [100, 150): 20, 2, 2, 2, 2 → median 2; after [150, 250): 30 → 15
        assertEquals(List.of("[100,2.0,20.0,10,10.0]", "[150,2.0,30.0,5,15.0]"),
                rows("SELECT step, before_median, after_max, before_steps, spike FROM loss_spikes WHERE run_id = 'g' "
                        + "ORDER BY step"));
    }

    @Test
    void phaseVarianceLeavesOutTheFirst100StepsOfEachPhase() {
        // a, phase one: [100, 200) = five 1s, five 3s: mean 2, variance 1; phase two: [300, 400) alternates 2/6:
        // mean 4, variance 4. f, phase 1: [100, 150) = 1, 3, 1, 3, 1: mean 1.8, variance 4.2 − 1.8² = 0.96;
        // phase 2: [250, 300) = 3, 1, 3, 1, 3: mean 2.2, variance 5.8 − 2.2² = 0.96
        List<Row> got = spark.sql("SELECT run_id, phase, steps, loss_mean, loss_variance FROM phase_loss "
                + "WHERE run_id IN ('a', 'f') ORDER BY run_id, phase").collectAsList();
        double[][] expected = {{1, 10, 2, 1}, {2, 10, 4, 4}, {1, 5, 1.8, 0.96}, {2, 5, 2.2, 0.96}};
        assertEquals(expected.length, got.size(), got.toString());
        for (int i = 0; i < expected.length; i++) {
            Row r = got.get(i);
            assertEquals((int) expected[i][0], r.getInt(1), r.toString());
            assertEquals((long) expected[i][1], r.getLong(2), r.toString());
            assertEquals(expected[i][2], r.getDouble(3), 1e-12, r.toString());
            assertEquals(expected[i][3], r.getDouble(4), 1e-12, r.toString());
        }
        // g's phase b, [100, 150), has no logged step 100 steps after its start: no variance
        assertTrue(spark.sql("SELECT loss_variance FROM phase_loss WHERE run_id = 'g' AND phase = 2").first().isNullAt(0));
    }

    @Test
    void summaryIsMedianAndQuartilesAcrossSeedsWithoutDegenerateOrFailedRuns() {
        Row stepped = spark.sql("SELECT * FROM spike_summary WHERE arm = 'stepped'").first();
        // largest spikes 5, 3, 4 (d degenerate, e failed): median 4, quartiles 3.5 and 4.5
        // mean phase variances: a (1 + 4) / 2 = 2.5, b (1 + 0.25) / 2 = 0.625, c (1 + 1) / 2 = 1:
        // median 1, q1 0.625 + 0.5 · 0.375 = 0.8125, q3 1 + 0.5 · 1.5 = 1.75
        assertEquals(3L, stepped.getLong(stepped.fieldIndex("runs")));
        assertEquals(3L, stepped.getLong(stepped.fieldIndex("seeds")));
        assertEquals(1.0, stepped.getDouble(stepped.fieldIndex("phase_changes_median")), 1e-12);
        assertEquals(4.0, stepped.getDouble(stepped.fieldIndex("largest_spike_median")), 1e-12);
        assertEquals(3.5, stepped.getDouble(stepped.fieldIndex("largest_spike_q1")), 1e-12);
        assertEquals(4.5, stepped.getDouble(stepped.fieldIndex("largest_spike_q3")), 1e-12);
        assertEquals(3.0, stepped.getDouble(stepped.fieldIndex("largest_spike_min")), 1e-12);
        assertEquals(5.0, stepped.getDouble(stepped.fieldIndex("largest_spike_max")), 1e-12);
        assertEquals(1.0, stepped.getDouble(stepped.fieldIndex("phase_variance_median")), 1e-12);
        assertEquals(0.8125, stepped.getDouble(stepped.fieldIndex("phase_variance_q1")), 1e-12);
        assertEquals(1.75, stepped.getDouble(stepped.fieldIndex("phase_variance_q3")), 1e-12);
        Row close = spark.sql("SELECT seeds, phase_changes_median, largest_spike_median FROM spike_summary "
                + "WHERE arm = 'close'").first();
        assertEquals("[1,2.0,15.0]", close.toString());
    }
}
