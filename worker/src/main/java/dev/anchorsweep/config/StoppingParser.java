package dev.anchorsweep.config;

import dev.anchorsweep.property.Condition;
import dev.anchorsweep.stopping.StopRule;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code stopping} section of a run: one rule per key, a threshold or a median rule,
 * <pre>
 * stopping {
 *   reconstructing { metric = validation.recon, after = 500, above = 0.02 }             # or below = x
 *   behind-median { metric = validation.recon, median-factor = 3, after = 300, min-runs = 3 }
 * }
 * </pre>
 * The metrics are the validation metrics (a rule is checked at the validation steps). Every problem is reported with
 * its file and line.
 */
final class StoppingParser {

    static final List<String> RULE_KEYS = List.of("metric", "after", "above", "below", "median-factor", "min-runs");
    private static final List<String> KINDS = List.of("above", "below", "median-factor");

    private StoppingParser() {
    }

    /**
     * The rules of {@code run.stopping} (empty when absent), or null after recording a problem.
     *
     * @param metrics the validation metrics a rule may test ({@code validation.<name>})
     * @param steps   the run's training steps (a rule's {@code after} must be below it), or null when unknown
     */
    static List<StopRule> parse(ConfigReader run, List<String> metrics, Integer steps) {
        if (!run.has("stopping")) return List.of();
        ConfigReader section = run.child("stopping");
        if (section == null) return null;
        int before = section.problems().size();
        List<StopRule> rules = new ArrayList<>();
        for (String name : section.keys()) {
            ConfigReader r = section.child(name);
            if (r == null) continue;
            StopRule rule = rule(name, r, metrics, steps);
            if (rule != null) rules.add(rule);
        }
        return section.problems().size() > before ? null : rules;
    }

    private static StopRule rule(String name, ConfigReader r, List<String> metrics, Integer steps) {
        r.allowOnly(RULE_KEYS);
        String metric = r.choice("metric", metrics);
        Integer after = r.has("after") ? r.integer("after", 0, steps == null ? Integer.MAX_VALUE : Math.max(0, steps - 1))
                : Integer.valueOf(0);
        List<String> given = KINDS.stream().filter(r::has).toList();
        if (given.size() != 1) {
            r.problem(given.isEmpty() ? null : given.get(1), given.isEmpty()
                    ? "needs one of 'above', 'below' (a threshold) or 'median-factor' (worse than that many times the "
                    + "median of the arm's runs)"
                    : "give one of 'above', 'below' and 'median-factor', but got " + String.join(" and ", given));
            return null;
        }
        String kind = given.get(0);
        if (!kind.equals("median-factor") && r.has("min-runs")) {
            r.problem("min-runs", "min-runs belongs to a median rule (median-factor), not to a threshold ('" + kind + "')");
            return null;
        }
        if (kind.equals("median-factor")) {
            Double factor = r.number("median-factor", 0, Double.MAX_VALUE);
            if (factor != null && factor == 0) {
                r.problem("median-factor", "must be > 0 (a run is stopped when its value is above factor × the median), "
                        + "but got 0");
                factor = null;
            }
            Integer minRuns = r.has("min-runs") ? r.integer("min-runs", 1, Integer.MAX_VALUE) : Integer.valueOf(1);
            if (metric == null || after == null || factor == null || minRuns == null) return null;
            return new StopRule.BehindMedian(name, metric, factor, after, minRuns);
        }
        Double threshold = r.number(kind, -Double.MAX_VALUE, Double.MAX_VALUE);
        if (metric == null || after == null || threshold == null) return null;
        Condition when = kind.equals("above") ? new Condition.Above(metric, threshold) : new Condition.Below(metric, threshold);
        return new StopRule.Threshold(name, when, after);
    }
}
