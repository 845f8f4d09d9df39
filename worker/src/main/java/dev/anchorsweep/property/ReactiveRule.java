package dev.anchorsweep.property;

import dev.anchorsweep.identity.Canonical;

import java.util.Map;
import java.util.TreeMap;

/**
 * A rule of the {@code reactive} section: when a measurement of the run meets a condition (checked at the validation
 * steps), {@code property} moves smoothly (1.4 min-jerk, over {@code duration} steps) to the rule's goal, starting at
 * the next step.
 *
 * @param name     the rule's key in the config
 * @param property a property of the run: {@code lr}, {@code recon}, a regularizer's name or a data property's name
 * @param when     the condition on a metric
 * @param goal     a fixed target or a factor of the property's value when the rule fires
 * @param duration steps of the move (≥ 1)
 * @param once     whether the rule fires at most once (otherwise at every check where its condition holds)
 */
public record ReactiveRule(String name, String property, Condition when, Goal goal, int duration, boolean once)
        implements Canonical, java.io.Serializable {

    public ReactiveRule {
        if (name == null || property == null || when == null || goal == null) {
            throw new IllegalArgumentException("a reactive rule needs a name, property, condition and goal");
        }
        if (duration < 1) throw new IllegalArgumentException("rule '" + name + "': duration must be ≥ 1, but got "
                + duration);
    }

    /** {@code property}, {@code when}, {@code target} or {@code factor}, {@code duration}, {@code once}. */
    @Override
    public Object canonicalForm() {
        Map<String, Object> form = new TreeMap<>();
        form.put("property", property);
        form.put("when", when);
        form.put(goal.key(), goal.amount());
        form.put("duration", duration);
        form.put("once", once);
        return form;
    }
}
