package dev.anchorsweep.stopping;

import dev.anchorsweep.identity.Canonical;
import dev.anchorsweep.property.Condition;

import java.util.Map;
import java.util.TreeMap;

/**
 * A rule of the run's {@code stopping} section, checked at the validation steps t with {@code after ≤ t < steps}: when
 * it holds, the run stops at t (its weights after t updates are its final weights). Metrics are the validation metrics
 * ({@code validation.<name>}); lower is better.
 */
public sealed interface StopRule extends Canonical, java.io.Serializable {

    /** The rule's key in the config. */
    String name();

    /** {@code validation.<name>}. */
    String metric();

    /** The first step at which the rule is checked. */
    int after();

    /** The key of the metric in a validation map ({@code recon} for {@code validation.recon}). */
    default String validationKey() {
        return metric().substring(metric().indexOf('.') + 1);
    }

    /** The metric is above (or below) a threshold: {@code when} is a {@link Condition.Above} or {@link Condition.Below}. */
    record Threshold(String name, Condition when, int after) implements StopRule {
        public Threshold {
            if (!(when instanceof Condition.Above || when instanceof Condition.Below)) {
                throw new IllegalArgumentException("stopping rule '" + name + "': a threshold is 'above' or 'below', but got "
                        + when);
            }
            if (after < 0) throw new IllegalArgumentException("stopping rule '" + name + "': after must be ≥ 0, but got " + after);
        }

        @Override
        public String metric() {
            return when.metric();
        }

        boolean holds(double value) {
            return when instanceof Condition.Above a ? value > a.threshold() : value < ((Condition.Below) when).threshold();
        }

        @Override
        public Object canonicalForm() {
            Map<String, Object> form = new TreeMap<>(castMap(when.canonicalForm()));
            form.put("after", after);
            return form;
        }
    }

    /**
     * The metric is worse than {@code factor} × the median of the same arm's earlier runs at this step, given at least
     * {@code minRuns} of them ({@link ArmValidations} says which runs count).
     */
    record BehindMedian(String name, String metric, double factor, int after, int minRuns) implements StopRule {
        public BehindMedian {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("stopping rule '" + name + "': median-factor must be a finite number > 0, "
                        + "but got " + factor);
            }
            if (after < 0) throw new IllegalArgumentException("stopping rule '" + name + "': after must be ≥ 0, but got " + after);
            if (minRuns < 1) throw new IllegalArgumentException("stopping rule '" + name + "': min-runs must be ≥ 1, but got "
                    + minRuns);
        }

        @Override
        public Object canonicalForm() {
            Map<String, Object> form = new TreeMap<>();
            form.put("metric", metric);
            form.put("median-factor", factor);
            form.put("after", after);
            form.put("min-runs", minRuns);
            return form;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object form) {
        return (Map<String, Object>) form;
    }
}
