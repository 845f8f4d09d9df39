package dev.anchorsweep.config;

import dev.anchorsweep.property.Condition;
import dev.anchorsweep.property.Goal;
import dev.anchorsweep.property.ReactiveRule;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code reactive} section of a run: one rule per key,
 * <pre>
 * reactive {
 *   anchor-once-reconstructed {
 *     property = anchor                                  # lr, recon, a regularizer's or a data property's name
 *     when { metric = validation.recon, below = 0.01 }   # or above = x; or stalled { steps = 500, by = 0.01 }
 *     target = 0.5                                       # or factor = 0.5 (of the value when the rule fires)
 *     duration = 200                                     # steps of the min-jerk move
 *     once = true                                        # default
 *   }
 * }
 * </pre>
 * Every problem is reported with its file and line.
 */
final class ReactiveParser {

    static final List<String> RULE_KEYS = List.of("property", "when", "target", "factor", "duration", "once");
    static final List<String> WHEN_KEYS = List.of("metric", "below", "above", "stalled");
    static final List<String> STALLED_KEYS = List.of("steps", "by");
    private static final List<String> CONDITIONS = List.of("below", "above", "stalled");

    private ReactiveParser() {
    }

    /**
     * The rules of {@code run.reactive} (empty when absent), or null after recording a problem.
     *
     * @param properties the run's property names (lr, recon, regularizers, data properties)
     * @param metrics    the metrics a rule may test ({@code validation.<name>}, {@code loss.<name>})
     */
    static List<ReactiveRule> parse(ConfigReader run, List<String> properties, List<String> metrics) {
        if (!run.has("reactive")) return List.of();
        ConfigReader section = run.child("reactive");
        if (section == null) return null;
        int before = section.problems().size();
        List<ReactiveRule> rules = new ArrayList<>();
        for (String name : section.keys()) {
            ConfigReader r = section.child(name);
            if (r == null) continue;
            ReactiveRule rule = rule(name, r, properties, metrics);
            if (rule != null) rules.add(rule);
        }
        return section.problems().size() > before ? null : rules;
    }

    private static ReactiveRule rule(String name, ConfigReader r, List<String> properties, List<String> metrics) {
        r.allowOnly(RULE_KEYS);
        String property = r.choice("property", properties);
        Condition when = r.has("when") ? condition(r.child("when"), metrics) : missing(r, "when",
                "a condition like when { metric = validation.recon, below = 0.01 }");
        Goal goal = goal(r);
        Integer duration = r.integer("duration", 1, Integer.MAX_VALUE);
        Boolean once = r.has("once") ? r.bool("once") : Boolean.TRUE;
        if (property == null || when == null || goal == null || duration == null || once == null) return null;
        return new ReactiveRule(name, property, when, goal, duration, once);
    }

    private static <T> T missing(ConfigReader r, String key, String what) {
        r.problem(null, "needs '" + key + "', " + what);
        return null;
    }

    private static Goal goal(ConfigReader r) {
        boolean target = r.has("target");
        boolean factor = r.has("factor");
        if (target && factor) {
            r.problem("factor", "give either 'target' (a value) or 'factor' (of the current value), not both");
            return null;
        }
        if (!target && !factor) {
            return missing(r, "target", "the value to move to, or 'factor', a multiple of the value when the rule fires");
        }
        Double v = r.number(target ? "target" : "factor", 0, Double.MAX_VALUE);
        if (v == null) return null;
        return target ? new Goal.Target(v) : new Goal.Factor(v);
    }

    private static Condition condition(ConfigReader w, List<String> metrics) {
        if (w == null) return null;
        w.allowOnly(WHEN_KEYS);
        String metric = w.choice("metric", metrics);
        List<String> given = CONDITIONS.stream().filter(w::has).toList();
        if (given.size() != 1) {
            w.problem(given.isEmpty() ? null : given.get(1), given.isEmpty()
                    ? "needs one of 'below', 'above' or 'stalled { steps, by }'"
                    : "give one of 'below', 'above' and 'stalled', but got " + String.join(" and ", given));
            return null;
        }
        String kind = given.get(0);
        if (kind.equals("stalled")) {
            ConfigReader s = w.child("stalled");
            if (s == null) return null;
            s.allowOnly(STALLED_KEYS);
            Integer steps = s.integer("steps", 1, Integer.MAX_VALUE);
            Double by = s.number("by", 0, Double.MAX_VALUE);
            if (metric == null || steps == null || by == null) return null;
            return new Condition.Stalled(metric, steps, by);
        }
        Double threshold = w.number(kind, -Double.MAX_VALUE, Double.MAX_VALUE);
        if (metric == null || threshold == null) return null;
        return kind.equals("below") ? new Condition.Below(metric, threshold) : new Condition.Above(metric, threshold);
    }

    /** Reports a regularizer named like a built-in property ({@code lr}, {@code recon}): names are one namespace. */
    static void checkNames(ConfigReader regularizers, List<String> names) {
        if (regularizers == null) return;
        for (String reserved : List.of("lr", "recon")) {
            if (names.contains(reserved)) {
                regularizers.problem(reserved, "'" + reserved + "' names a property of every run (lr, recon); give "
                        + "the regularizer another name");
            }
        }
    }
}
