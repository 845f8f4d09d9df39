package dev.anchorsweep.run;

import dev.anchorsweep.identity.Canonical;
import dev.anchorsweep.regularizer.Regularizer;
import dev.anchorsweep.schedule.KeyframeSchedule;

import java.util.Map;
import java.util.TreeMap;

/**
 * One regularizer of a run: its formula, which samples it applies to and its weight schedule.
 *
 * @param name     the name it has in the config (and in result tables), e.g. {@code anchor} or {@code unitarity-all}
 * @param concept  the concept whose labelled samples it applies to, or null for all samples
 * @param schedule the weight w_r(step)
 */
public record RegularizerSpec(String name, Regularizer regularizer, String concept, KeyframeSchedule schedule)
        implements Canonical, java.io.Serializable {

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

    /** Its config entry as resolved: {@code type}, its settings, {@code concept} (null: all samples), {@code weight}. */
    @Override
    public Object canonicalForm() {
        @SuppressWarnings("unchecked")
        Map<String, Object> form = new TreeMap<>((Map<String, Object>) regularizer.canonicalForm());
        form.put("concept", concept);
        form.put("weight", schedule);
        return form;
    }
}
