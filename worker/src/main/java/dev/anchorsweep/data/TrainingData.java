package dev.anchorsweep.data;

import dev.anchorsweep.identity.Canonical;
import dev.anchorsweep.schedule.KeyframeSchedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run trains on and how its batches are drawn ({@code training.data}): the colours, their base sampling
 * weight, the curriculum factors, whether losses are weighted per sample, the data properties (schedules the
 * curriculum reads every step, by name) and data phases that switch colour sets at given steps. Batches are drawn
 * with replacement with probability ∝ weight × Π curriculum factors ({@link DataSampler}).
 * {@link #DEFAULT} is the paper's: colours uniformly with replacement from the RGB training grid.
 *
 * @param colors        the section's colours (before the first phase, and in every phase that names none)
 * @param weight        the section's base weight
 * @param curriculum    the section's curriculum factors
 * @param lossWeighting the section's loss weighting
 * @param properties    data property → its schedule, in config order
 * @param phases        the phases in step order, each resolved against the section; empty: the section throughout
 */
public record TrainingData(ColorSpec colors, SamplingWeight weight, List<CurriculumFactor> curriculum,
                           LossWeighting lossWeighting, Map<String, KeyframeSchedule> properties,
                           List<DataPhase> phases) implements Canonical, java.io.Serializable {

    /** Uniform sampling from the RGB training grid ({@code training.grid}), as before this setting existed. */
    public static final TrainingData DEFAULT = new TrainingData(new ColorSpec.TrainingGrid(), SamplingWeight.UNIFORM,
            List.of(), LossWeighting.NONE, Map.of(), List.of());

    public TrainingData {
        if (colors == null || weight == null || lossWeighting == null) {
            throw new IllegalArgumentException("training data needs colours, a weight and a loss weighting");
        }
        curriculum = List.copyOf(curriculum);
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        phases = List.copyOf(phases);
        for (int i = 1; i < phases.size(); i++) {
            if (phases.get(i).from() <= phases.get(i - 1).from()) {
                throw new IllegalArgumentException("data phases must start at increasing steps, but got "
                        + phases.get(i).from() + " after " + phases.get(i - 1).from());
            }
        }
        List<CurriculumFactor> all = new ArrayList<>(curriculum);
        phases.forEach(p -> all.addAll(p.curriculum()));
        for (CurriculumFactor f : all) {
            if (!properties.containsKey(f.property())) {
                throw new IllegalArgumentException("curriculum property '" + f.property() + "' is not a data property; "
                        + "defined: " + (properties.isEmpty() ? "none" : String.join(", ", properties.keySet())));
            }
        }
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** The data property names, in the order of {@link DataSampler#next}'s values. */
    public List<String> propertyNames() {
        return List.copyOf(properties.keySet());
    }

    /**
     * The phases in effect over a run whose {@code training.batch-size} is {@code batchSize}: the configured ones,
     * preceded by the section's own settings from step 0 when the first starts later (or none are configured).
     */
    public List<DataPhase> effectivePhases(int batchSize) {
        List<DataPhase> out = new ArrayList<>();
        if (phases.isEmpty() || phases.get(0).from() > 0) {
            out.add(new DataPhase(0, colors, batchSize, weight, curriculum, lossWeighting));
        }
        out.addAll(phases);
        return out;
    }

    /** The config's settings; {@code phases} only when there are any. */
    @Override
    public Object canonicalForm() {
        Map<String, Object> form = new TreeMap<>();
        form.put("colors", colors);
        form.put("weight", weight.configName());
        form.put("curriculum", curriculum);
        form.put("loss-weighting", lossWeighting.configName());
        form.put("properties", new TreeMap<>(properties));
        if (!phases.isEmpty()) form.put("phases", phases);
        return form;
    }
}
