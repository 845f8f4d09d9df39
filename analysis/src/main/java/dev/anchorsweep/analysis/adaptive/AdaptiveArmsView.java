package dev.anchorsweep.analysis.adaptive;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code adaptive_arms} view: one row per arm of every sweep whose seeds are adaptive — seeds spent, ok runs, the
 * median of the rule's metric and its bootstrap interval, and why the arm stopped adding seeds ({@code width},
 * {@code max}, {@code pareto}; null while the sweep has not finished its rounds). The bootstrap is not SQL: the rows
 * are computed in Java from the {@code runs} view by replaying the rounds ({@link ArmSamples#replay}) with the same
 * classes the driver decides with, and registered as a temporary view.
 */
public final class AdaptiveArmsView {

    public static final String NAME = "adaptive_arms";
    public static final String DESCRIPTION = "adaptive-seed sweeps: one row per arm — seeds spent, median of the rule's "
            + "metric, bootstrap interval, width, why it stopped (width | max | pareto)";
    static final StructType SCHEMA = new StructType()
            .add("sweep_id", DataTypes.StringType, false)
            .add("arm", DataTypes.StringType, false)
            .add("metric", DataTypes.StringType, false)
            .add("seeds", DataTypes.IntegerType, false)
            .add("ok", DataTypes.IntegerType, false)
            .add("median", DataTypes.DoubleType, true)
            .add("ci_low", DataTypes.DoubleType, true)
            .add("ci_high", DataTypes.DoubleType, true)
            .add("width", DataTypes.DoubleType, true)
            .add("stopped", DataTypes.StringType, true);

    private AdaptiveArmsView() {
    }

    /** Whether the view can be registered over these tables. */
    public static boolean fits(List<String> tables) {
        return tables.contains("sweeps") && tables.contains("runs");
    }

    /** Registers the view (empty when no sweep is adaptive); the {@code sweeps} and {@code runs} views must exist. */
    public static void register(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (Row sweep : spark.sql("SELECT sweep_id, config FROM sweeps ORDER BY sweep_id").collectAsList()) {
            SeedRule rule = SeedRule.ofSweepConfig(sweep.getString(1));
            if (rule == null) continue;
            rows.addAll(rows(sweep.getString(0), rule, ArmSamples.read(spark, sweep.getString(0), rule.metric())));
        }
        spark.createDataFrame(rows, SCHEMA).createOrReplaceTempView(NAME);
    }

    static List<Row> rows(String sweepId, SeedRule rule, ArmSamples samples) {
        SeedRounds rounds = samples.replay(rule);
        Map<String, ArmStatus> decided = new java.util.HashMap<>();
        rounds.statuses().forEach(s -> decided.put(s.arm(), s));
        List<Row> rows = new ArrayList<>();
        for (String arm : rounds.arms()) {
            int seeds = samples.runs(arm);
            ArmStatus status = decided.get(arm);
            boolean stopped = status != null && !status.needsMore() && status.seeds() == seeds;
            MedianInterval interval = stopped ? status.interval()
                    : MedianInterval.of(samples.values(arm, Integer.MAX_VALUE), rule.confidence(), rule.resamples());
            rows.add(RowFactory.create(sweepId, arm, rule.metric().name(), seeds, interval.n(), orNull(interval.median()),
                    orNull(interval.low()), orNull(interval.high()), interval.defined() ? interval.width() : null,
                    stopped ? status.stop().label() : null));
        }
        return rows;
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
