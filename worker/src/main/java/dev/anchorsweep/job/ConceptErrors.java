package dev.anchorsweep.job;

import dev.anchorsweep.color.Hsv;
import dev.anchorsweep.evaluation.ColorEvaluation;
import dev.anchorsweep.evaluation.RunEvaluation;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two named colours a sweep's summary shows for a run, per intervention (baseline included), defined as in the
 * report's {@code run_errors} view: the <b>concept colour</b>, the named colour most similar to the run's concept (e.g.
 * red), and its <b>complement</b>, the fully saturated named colour whose hue is farthest from it (e.g. cyan).
 *
 * @param conceptColor    null when the run has no concept colour (then both maps are empty)
 * @param complementColor null when no saturated named colour was evaluated
 */
public record ConceptErrors(String conceptColor, String complementColor, Map<String, Double> concept,
                            Map<String, Double> complement) implements Serializable {

    public static final ConceptErrors NONE = new ConceptErrors(null, null, Map.of(), Map.of());

    public ConceptErrors {
        concept = Map.copyOf(concept);
        complement = Map.copyOf(complement);
    }

    /** From a run's evaluation of the {@code named} set; {@link #NONE} without one or without a concept colour. */
    public static ConceptErrors of(RunEvaluation evaluation) {
        if (evaluation == null) return NONE;
        ColorEvaluation conceptColor = null;
        for (ColorEvaluation c : evaluation.colors()) {
            if (!isNamed(c) || c.similarity() == null) continue;
            if (conceptColor == null || c.similarity() > conceptColor.similarity()) conceptColor = c;
        }
        if (conceptColor == null) return NONE;
        double hue = conceptColor.color().toHsv().h();
        ColorEvaluation complementColor = null;
        double farthest = -1;
        for (ColorEvaluation c : evaluation.colors()) {
            Hsv hsv = c.color().toHsv();
            if (!isNamed(c) || hsv.s() != 1 || hsv.v() != 1) continue;
            double distance = Math.min(Math.abs(hsv.h() - hue), 1 - Math.abs(hsv.h() - hue));
            if (distance > farthest) {
                farthest = distance;
                complementColor = c;
            }
        }
        Map<String, Double> concept = new LinkedHashMap<>();
        Map<String, Double> complement = new LinkedHashMap<>();
        for (ColorEvaluation c : evaluation.colors()) {
            if (!isNamed(c)) continue;
            if (c.name().equals(conceptColor.name())) concept.put(c.intervention(), c.error());
            if (complementColor != null && c.name().equals(complementColor.name())) {
                complement.put(c.intervention(), c.error());
            }
        }
        return new ConceptErrors(conceptColor.name(), complementColor == null ? null : complementColor.name(), concept,
                complement);
    }

    private static boolean isNamed(ColorEvaluation c) {
        return "named".equals(c.colorSet()) && c.name() != null;
    }
}
