package dev.anchorsweep.stopping;

import dev.anchorsweep.run.RunSpec;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One run's stopping rules, checked at its validation steps t &lt; steps, in step order: the rules in name order, the
 * first that holds stops the run at t. A rule is checked from its {@code after} step on; a missing or non-finite value
 * never stops a run (divergence fails it instead).
 */
public final class StopCheck {

    private final List<StopRule> rules;
    private final String arm;
    private final ArmValidations arms;

    /** @param arms the runs trained before this one, for median rules */
    public StopCheck(RunSpec run, ArmValidations arms) {
        this.rules = run.stopping().stream().sorted(Comparator.comparing(StopRule::name)).toList();
        boolean median = rules.stream().anyMatch(r -> r instanceof StopRule.BehindMedian);
        this.arm = median ? ArmValidations.armOf(run) : null;
        this.arms = arms;
    }

    public boolean active() {
        return !rules.isEmpty();
    }

    /** The stop at {@code step}, given the run's validation metrics there, or null to go on. */
    public Stop check(int step, Map<String, Double> validation) {
        for (StopRule rule : rules) {
            if (step < rule.after()) continue;
            Double value = validation.get(rule.validationKey());
            if (value == null || !Double.isFinite(value)) continue;
            boolean holds;
            if (rule instanceof StopRule.Threshold t) {
                holds = t.holds(value);
            } else {
                StopRule.BehindMedian m = (StopRule.BehindMedian) rule;
                double median = arms.median(arm, step, m.validationKey(), m.minRuns());
                holds = !Double.isNaN(median) && value > m.factor() * median;
            }
            if (holds) return new Stop(step, rule.name());
        }
        return null;
    }
}
