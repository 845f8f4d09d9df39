package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.anchorsweep.analysis.adaptive.SeedMetric;
import dev.anchorsweep.analysis.adaptive.SeedRule;
import dev.anchorsweep.config.ConfigReader;
import dev.anchorsweep.config.ConfigProblem;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads {@code grid.seeds { adaptive { start, step, max, width, metric, confidence, resamples, pareto-only } }} into
 * a seed axis of seeds 0 … max − 1 carrying the rule. Only {@code width} is required; the others default to
 * {@link SeedRule}'s defaults.
 */
final class AdaptiveSeedReader {

    static final List<String> KEYS = List.of("start", "step", "max", "width", "metric", "confidence", "resamples",
            "pareto-only");

    private final List<ConfigProblem> problems;

    AdaptiveSeedReader(List<ConfigProblem> problems) {
        this.problems = problems;
    }

    /** The axis, or null after a problem. */
    SeedAxis read(ConfigReader seeds) {
        if (seeds == null) return null;
        seeds.allowOnly(List.of("adaptive"));
        if (!seeds.has("adaptive")) {
            seeds.problem(null, "an object of seeds must be { adaptive { start = 5, step = 5, max = 60, width = 0.05 } }"
                    + " (fixed seeds: a range like \"0..59\", a list [0, 1, 2] or one seed)");
            return null;
        }
        ConfigReader a = seeds.child("adaptive");
        if (a == null) return null;
        a.allowOnly(KEYS);
        int before = problems.size();
        Integer start = whole(a, "start", SeedRule.DEFAULT_START, 2, "an interval needs at least 2 runs");
        Integer step = whole(a, "step", SeedRule.DEFAULT_STEP, 1, "a round adds at least one seed");
        Integer max = whole(a, "max", SeedRule.DEFAULT_MAX, start == null ? 2 : start, "max is the most seeds an arm"
                + " takes, so at least start" + (start == null ? "" : " (" + start + ")"));
        Double width = width(a);
        Double confidence = fraction(a);
        Integer resamples = whole(a, "resamples", SeedRule.DEFAULT_RESAMPLES, 100, "fewer resamples give a noisy"
                + " interval");
        SeedMetric metric = metric(a);
        Boolean paretoOnly = a.has("pareto-only") ? a.bool("pareto-only") : Boolean.FALSE;
        if (max != null && max > SweepPlanner.MAX_RUNS) {
            a.problem("max", "must be at most " + SweepPlanner.MAX_RUNS + " (the runs one sweep may plan), but got " + max);
        }
        if (problems.size() > before) return null;
        SeedRule rule = new SeedRule(start, step, max, width, metric, confidence, resamples, paretoOnly);
        return new SeedAxis(IntStream.range(0, max).boxed().toList(),
                new AxisSource(ConfigReader.where(seeds.object().origin()), seeds.path()), rule);
    }

    private static Integer whole(ConfigReader a, String key, int fallback, int min, String why) {
        if (!a.has(key)) return fallback;
        ConfigValue v = a.value(key);
        if (v.valueType() != ConfigValueType.NUMBER || ((Number) v.unwrapped()).doubleValue()
                != Math.rint(((Number) v.unwrapped()).doubleValue())) {
            a.problem(key, "must be a whole number, but got " + ConfigReader.describe(v));
            return null;
        }
        long n = ((Number) v.unwrapped()).longValue();
        if (n < min) {
            a.problem(key, "must be at least " + min + " (" + why + "), but got " + n);
            return null;
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    private static Double width(ConfigReader a) {
        String key = "width";
        if (!a.has(key)) {
            a.problem(null, "needs '" + key + "': the interval width (upper − lower bound, in the metric's units) at"
                    + " which an arm stops adding seeds, e.g. width = 0.05");
            return null;
        }
        ConfigValue v = a.value(key);
        if (v.valueType() != ConfigValueType.NUMBER) {
            a.problem(key, "must be a number > 0, but got " + ConfigReader.describe(v));
            return null;
        }
        double d = ((Number) v.unwrapped()).doubleValue();
        if (!(d > 0) || Double.isInfinite(d)) {
            a.problem(key, "must be > 0 (an interval's width, upper − lower bound), but got " + d);
            return null;
        }
        return d;
    }

    private static Double fraction(ConfigReader a) {
        if (!a.has("confidence")) return SeedRule.DEFAULT_CONFIDENCE;
        ConfigValue v = a.value("confidence");
        double d = v.valueType() == ConfigValueType.NUMBER ? ((Number) v.unwrapped()).doubleValue() : Double.NaN;
        if (!(d > 0 && d < 1)) {
            a.problem("confidence", "must be a number between 0 and 1 (exclusive), e.g. 0.95, but got "
                    + ConfigReader.describe(v));
            return null;
        }
        return d;
    }

    private static SeedMetric metric(ConfigReader a) {
        if (!a.has("metric")) return SeedMetric.parse(SeedRule.DEFAULT_METRIC);
        String name = a.string("metric");
        if (name == null) return null;
        SeedMetric metric = SeedMetric.parse(name);
        if (metric == null) a.problem("metric", "unknown metric '" + name + "' (valid: " + SeedMetric.KNOWN + ")");
        return metric;
    }
}
