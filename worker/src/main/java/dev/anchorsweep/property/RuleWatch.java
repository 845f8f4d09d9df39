package dev.anchorsweep.property;

/**
 * One rule's state in one run: the metric's values at the checks since the run started or the rule last fired, and
 * whether a {@code once} rule has fired. Buffers are allocated once; a check costs a few comparisons (a scan of the
 * kept checks for {@code stalled}).
 */
final class RuleWatch {

    final ReactiveRule rule;
    private final int[] steps;
    private final double[] values;
    private int kept;
    private boolean spent;

    /** @param maxChecks how many checks the run can have */
    RuleWatch(ReactiveRule rule, int maxChecks) {
        this.rule = rule;
        boolean stalled = rule.when() instanceof Condition.Stalled;
        this.steps = new int[stalled ? maxChecks : 0];
        this.values = new double[stalled ? maxChecks : 0];
    }

    /**
     * Records the metric's value at a check and answers whether the rule fires. A missing or non-finite value never
     * fires a rule (and is not kept).
     */
    boolean check(int step, double value) {
        if (spent || !Double.isFinite(value)) return false;
        Condition when = rule.when();
        boolean fires;
        if (when instanceof Condition.Below b) fires = value < b.threshold();
        else if (when instanceof Condition.Above a) fires = value > a.threshold();
        else fires = stalled(step, value, (Condition.Stalled) when);
        if (fires) {
            kept = 0;
            spent = rule.once();
        }
        return fires;
    }

    private boolean stalled(int step, double value, Condition.Stalled s) {
        if (kept == steps.length) return false;
        steps[kept] = step;
        values[kept] = value;
        kept++;
        double before = Double.POSITIVE_INFINITY;
        double recent = Double.POSITIVE_INFINITY;
        for (int i = 0; i < kept; i++) {
            if (steps[i] <= step - s.steps()) before = Math.min(before, values[i]);
            else recent = Math.min(recent, values[i]);
        }
        if (before == Double.POSITIVE_INFINITY) return false;
        return before - recent < s.by() * Math.abs(before);
    }
}
