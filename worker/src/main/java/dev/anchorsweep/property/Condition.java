package dev.anchorsweep.property;

import dev.anchorsweep.identity.Canonical;

import java.util.Map;

/**
 * When a reactive rule fires: a test of one metric of the run ({@code validation.<name>} or {@code loss.<name>}) at the
 * checks (validation steps). Lower is better for every metric (they are losses).
 */
public sealed interface Condition extends Canonical, java.io.Serializable {

    /** {@code validation.<name>} or {@code loss.<name>}. */
    String metric();

    /** The metric is below {@code threshold}. */
    record Below(String metric, double threshold) implements Condition {
        @Override
        public Object canonicalForm() {
            return Map.of("metric", metric, "below", threshold);
        }
    }

    /** The metric is above {@code threshold}. */
    record Above(String metric, double threshold) implements Condition {
        @Override
        public Object canonicalForm() {
            return Map.of("metric", metric, "above", threshold);
        }
    }

    /**
     * The metric has stalled: its best (lowest) value at the checks of the last {@code steps} steps is lower than its
     * best value at the checks before them by less than the fraction {@code by} of that (needs a check at least
     * {@code steps} steps before, counted from the run's start or the rule's last firing).
     */
    record Stalled(String metric, int steps, double by) implements Condition {
        public Stalled {
            if (steps < 1) throw new IllegalArgumentException("stalled.steps must be ≥ 1, but got " + steps);
            if (!(by >= 0)) throw new IllegalArgumentException("stalled.by must be ≥ 0, but got " + by);
        }

        @Override
        public Object canonicalForm() {
            return Map.of("metric", metric, "stalled", Map.of("steps", steps, "by", by));
        }
    }
}
