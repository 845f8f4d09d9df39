package dev.anchorsweep.run;

import dev.anchorsweep.identity.Canonical;

import java.util.List;

/**
 * A named phase of training from {@code step} on ({@code training.phases}, e.g. a dopesheet's PHASE column): what the
 * report marks on timelines and where the loss-spike table looks for phase changes.
 */
public record NamedPhase(int step, String name) implements Canonical, java.io.Serializable {

    public NamedPhase {
        if (step < 0) throw new IllegalArgumentException("a phase starts at a step ≥ 0, but got " + step);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a phase needs a name (step " + step + ")");
    }

    @Override
    public Object canonicalForm() {
        return List.of(step, name);
    }
}
