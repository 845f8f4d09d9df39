package dev.anchorsweep.stopping;

/**
 * Where and why a run stopped early: at validation step {@code step} (after that many updates; its weights there are
 * its final weights), because stopping rule {@code rule} held.
 */
public record Stop(int step, String rule) implements java.io.Serializable {

    public Stop {
        if (step < 0) throw new IllegalArgumentException("a run stops at a step ≥ 0, but got " + step);
        if (rule == null || rule.isBlank()) throw new IllegalArgumentException("a stop needs the rule that held");
    }
}
