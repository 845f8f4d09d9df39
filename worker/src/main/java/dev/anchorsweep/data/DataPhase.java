package dev.anchorsweep.data;

import dev.anchorsweep.identity.Canonical;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The training data from step {@code from} on: its colours, batch size ({@link #FULL}: the whole set in order, no
 * sampling), base weight, curriculum and loss weighting. Settings a config's phase leaves out are the data section's
 * (resolved when the config is read).
 */
public record DataPhase(int from, ColorSpec colors, int batchSize, SamplingWeight weight,
                        List<CurriculumFactor> curriculum, LossWeighting lossWeighting)
        implements Canonical, java.io.Serializable {

    /** The batch size of a phase that trains on its whole colour set each step. */
    public static final int FULL = 0;

    public DataPhase {
        if (from < 0) throw new IllegalArgumentException("a data phase starts at a step ≥ 0, but got " + from);
        if (colors == null || weight == null || lossWeighting == null) {
            throw new IllegalArgumentException("a data phase needs colours, a weight and a loss weighting");
        }
        if (batchSize < 0) throw new IllegalArgumentException("batch-size must be ≥ 1 or full, but got " + batchSize);
        curriculum = List.copyOf(curriculum);
    }

    public boolean full() {
        return batchSize == FULL;
    }

    @Override
    public Object canonicalForm() {
        Map<String, Object> form = new TreeMap<>();
        form.put("from", from);
        form.put("colors", colors);
        form.put("batch-size", full() ? "full" : batchSize);
        form.put("weight", weight.configName());
        form.put("curriculum", curriculum);
        form.put("loss-weighting", lossWeighting.configName());
        return form;
    }
}
