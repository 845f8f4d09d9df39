package dev.anchorsweep.run;

import dev.anchorsweep.regularizer.Regularizer;
import dev.anchorsweep.schedule.KeyframeSchedule;

/**
 * One regularizer of a run: its formula, which samples it applies to and its weight schedule.
 *
 * @param name     the name it has in the config (and in result tables), e.g. {@code anchor} or {@code unitarity-all}
 * @param concept  the concept whose labelled samples it applies to, or null for all samples
 * @param schedule the weight w_r(step)
 */
public record RegularizerSpec(String name, Regularizer regularizer, String concept, KeyframeSchedule schedule)
        implements java.io.Serializable {

    public RegularizerSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a regularizer needs a name");
        if (regularizer == null) throw new IllegalArgumentException("regularizer '" + name + "' needs a type");
        if (schedule == null) throw new IllegalArgumentException("regularizer '" + name + "' needs a schedule");
        if (schedule.minValue() < 0) {
            throw new IllegalArgumentException("regularizer '" + name + "' weights must be ≥ 0, but the schedule has "
                    + schedule.minValue());
        }
    }

    public boolean labelled() {
        return concept != null;
    }

    public String canonical() {
        return name + "=" + regularizer.canonical() + "@" + (concept == null ? "all" : concept) + ":" + schedule;
    }
}
