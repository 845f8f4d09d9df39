package dev.anchorsweep.analysis.adaptive;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * How an adaptive arm spends seeds ({@code grid.seeds.adaptive}): it starts with seeds 0 … start − 1 and adds the next
 * {@code step} seeds per round while the percentile-bootstrap interval of the median of {@code metric} over its ok
 * runs is wider than {@code width}, up to {@code max} seeds; with {@code paretoOnly}, an arm that can no longer be the
 * best stops too ({@link SeedRounds}).
 */
public record SeedRule(int start, int step, int max, double width, SeedMetric metric, double confidence,
                       int resamples, boolean paretoOnly) {

    public static final int DEFAULT_START = 5;
    public static final int DEFAULT_STEP = 5;
    public static final int DEFAULT_MAX = 60;
    public static final String DEFAULT_METRIC = "score";
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final int DEFAULT_RESAMPLES = 2000;
    /** The bootstrap's RNG seed: the same outcomes always give the same interval. */
    public static final long BOOTSTRAP_SEED = 0;

    public SeedRule {
        if (start < 2 || step < 1 || max < start || !(width > 0) || metric == null || !(confidence > 0 && confidence < 1)
                || resamples < 1) {
            throw new IllegalArgumentException("an adaptive seed rule needs start ≥ 2, step ≥ 1, max ≥ start, width > 0,"
                    + " a metric, 0 < confidence < 1 and resamples ≥ 1, but got " + describeRaw(start, step, max,
                    width, confidence, resamples));
        }
    }

    private static String describeRaw(int start, int step, int max, double width, double confidence, int resamples) {
        return "start " + start + ", step " + step + ", max " + max + ", width " + width + ", confidence " + confidence
                + ", resamples " + resamples;
    }

    /** The rule of a stored sweep config ({@code sweeps.config}), or null when its seeds are not adaptive. */
    public static SeedRule ofSweepConfig(String configText) {
        Config c = ConfigFactory.parseString(configText);
        String at = "grid.seeds.adaptive";
        if (!c.hasPath("grid.seeds") || c.getValue("grid.seeds").valueType() != com.typesafe.config.ConfigValueType.OBJECT
                || !c.hasPath(at)) {
            return null;
        }
        Config a = c.getConfig(at);
        return new SeedRule(a.hasPath("start") ? a.getInt("start") : DEFAULT_START,
                a.hasPath("step") ? a.getInt("step") : DEFAULT_STEP,
                a.hasPath("max") ? a.getInt("max") : DEFAULT_MAX,
                a.getDouble("width"),
                SeedMetric.parse(a.hasPath("metric") ? a.getString("metric") : DEFAULT_METRIC),
                a.hasPath("confidence") ? a.getDouble("confidence") : DEFAULT_CONFIDENCE,
                a.hasPath("resamples") ? a.getInt("resamples") : DEFAULT_RESAMPLES,
                a.hasPath("pareto-only") && a.getBoolean("pareto-only"));
    }

    /** The seeds an arm still adding seeds has in round {@code round} (1-based). */
    public int seedsInRound(int round) {
        return (int) Math.min(max, start + (long) (round - 1) * step);
    }

    /** The most rounds an arm can take. */
    public int maxRounds() {
        return 1 + (max - start + step - 1) / step;
    }

    /** One line: the rule as {@code validate} and the report state it. */
    public String describe() {
        return String.format("seeds 0..%d first, then %d more per round while the %s%% bootstrap interval of the median"
                        + " %s is wider than %s, up to %d seeds (%d resamples%s)", start - 1, step,
                trim(confidence * 100), metric.name(), trim(width), max, resamples,
                paretoOnly ? "; an arm that can no longer be the best stops" : "");
    }

    private static String trim(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
