package dev.anchorsweep.job;

import dev.anchorsweep.color.Hsv;
import dev.anchorsweep.color.Rgb;
import dev.anchorsweep.concept.Concept;
import dev.anchorsweep.evaluation.ColorEvaluation;
import dev.anchorsweep.evaluation.RunEvaluation;
import dev.anchorsweep.results.RunRow;
import dev.anchorsweep.run.RunSpec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two numbers a sweep's summary shows for a run, per intervention (baseline included), defined as in the report's
 * {@code run_errors} view:
 * <ul>
 *   <li>a concept with a colour (e.g. {@code primary(red)}): the error of the <b>concept colour</b>, the named colour
 *       most similar to the concept (red), and of its <b>complement</b>, the fully saturated named colour whose hue is
 *       farthest from it (cyan);</li>
 *   <li>a concept without a single colour ({@code vibrancy}, {@code desaturation}; {@link #group()}): the <b>median</b>
 *       error of its colour group — the named colours where its label measure is 1 (vibrancy: the 12 hues) — and the
 *       <b>worst</b> error of the other named colours, where the measure is 0 (black, the greys and white).</li>
 * </ul>
 *
 * @param conceptLabel the concept colour ("red") or the group's label ("hues", "achromatic", else its colours' names);
 *                     null when the run has no concept (then both maps are empty)
 * @param otherLabel   the complement ("cyan") or the other group's label; null when there is none
 * @param group        whether the concept is a colour group (then {@code other} holds the other group's worst error)
 * @param concept      intervention → the concept colour's error, or the group's median error
 * @param other        intervention → the complement's error, or the other group's worst error
 * @param valRecon     the run's validation reconstruction error (degenerate runs are judged by it), or null
 */
public record ConceptErrors(String conceptLabel, String otherLabel, boolean group, Map<String, Double> concept,
                            Map<String, Double> other, Double valRecon) implements Serializable {

    public static final ConceptErrors NONE = new ConceptErrors(null, null, false, Map.of(), Map.of(), null);

    /** A label measure of 1 (within this) puts a colour in the concept's group, 0 (within this) in the other. */
    static final double TOLERANCE = 1e-9;

    public ConceptErrors {
        concept = Map.copyOf(concept);
        other = Map.copyOf(other);
    }

    /** As stored in the run's {@code runs} row (its five summary columns and val_recon). */
    public static ConceptErrors of(RunRow row) {
        return new ConceptErrors(row.conceptLabel(), row.otherLabel(), row.conceptGroup(), row.conceptError(),
                row.otherError(), row.valRecon());
    }

    /**
     * From a run's evaluation of the {@code named} set: by similarity when its colours carry one, else by the label
     * measure of the run's first concept; without a named set or a concept, only {@code valRecon}.
     */
    public static ConceptErrors of(RunSpec spec, RunEvaluation evaluation, Double valRecon) {
        ConceptErrors none = new ConceptErrors(null, null, false, Map.of(), Map.of(), valRecon);
        if (evaluation == null) return none;
        List<ColorEvaluation> named = evaluation.colors().stream().filter(ConceptErrors::isNamed).toList();
        if (named.isEmpty()) return none;
        if (named.stream().anyMatch(c -> c.similarity() != null)) return byColor(named, valRecon);
        if (spec == null || spec.concepts().isEmpty() || spec.concepts().get(0).prototype().isPresent()) return none;
        ConceptErrors group = byGroup(named, spec.concepts().get(0), valRecon);
        return group == null ? none : group;
    }

    private static ConceptErrors byColor(List<ColorEvaluation> named, Double valRecon) {
        ColorEvaluation conceptColor = null;
        for (ColorEvaluation c : named) {
            if (c.similarity() == null) continue;
            if (conceptColor == null || c.similarity() > conceptColor.similarity()) conceptColor = c;
        }
        double hue = conceptColor.color().toHsv().h();
        ColorEvaluation complementColor = null;
        double farthest = -1;
        for (ColorEvaluation c : named) {
            Hsv hsv = c.color().toHsv();
            if (hsv.s() != 1 || hsv.v() != 1) continue;
            double distance = Math.min(Math.abs(hsv.h() - hue), 1 - Math.abs(hsv.h() - hue));
            if (distance > farthest) {
                farthest = distance;
                complementColor = c;
            }
        }
        Map<String, Double> concept = new LinkedHashMap<>();
        Map<String, Double> complement = new LinkedHashMap<>();
        for (ColorEvaluation c : named) {
            if (c.name().equals(conceptColor.name())) concept.put(c.intervention(), c.error());
            if (complementColor != null && c.name().equals(complementColor.name())) {
                complement.put(c.intervention(), c.error());
            }
        }
        return new ConceptErrors(conceptColor.name(), complementColor == null ? null : complementColor.name(), false,
                concept, complement, valRecon);
    }

    private static ConceptErrors byGroup(List<ColorEvaluation> named, Concept concept, Double valRecon) {
        Map<String, List<Double>> inGroup = new LinkedHashMap<>();
        Map<String, Double> worstOther = new LinkedHashMap<>();
        List<Rgb> groupColors = new ArrayList<>(), otherColors = new ArrayList<>();
        List<String> groupNames = new ArrayList<>(), otherNames = new ArrayList<>();
        for (ColorEvaluation c : named) {
            double degree = concept.measure().of(c.color());
            boolean first = c.intervention().equals(named.get(0).intervention());
            if (degree >= 1 - TOLERANCE) {
                inGroup.computeIfAbsent(c.intervention(), k -> new ArrayList<>()).add(c.error());
                if (first) {
                    groupColors.add(c.color());
                    groupNames.add(c.name());
                }
            } else if (degree <= TOLERANCE) {
                worstOther.merge(c.intervention(), c.error(), Math::max);
                if (first) {
                    otherColors.add(c.color());
                    otherNames.add(c.name());
                }
            }
        }
        if (inGroup.isEmpty()) return null;
        Map<String, Double> medians = new LinkedHashMap<>();
        inGroup.forEach((intervention, errors) -> medians.put(intervention, median(errors)));
        return new ConceptErrors(label(groupColors, groupNames), otherNames.isEmpty() ? null
                : label(otherColors, otherNames), true, medians, worstOther, valRecon);
    }

    /** "hues" when every colour is fully saturated, "achromatic" when none has any chroma, else the names. */
    static String label(List<Rgb> colors, List<String> names) {
        if (colors.stream().allMatch(c -> chroma(c) >= 1 - TOLERANCE)) return "hues";
        if (colors.stream().allMatch(c -> chroma(c) <= TOLERANCE)) return "achromatic";
        return String.join(", ", names);
    }

    /** The median, the mean of the two middle values for an even count (as Spark's {@code percentile(x, 0.5)}). */
    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double chroma(Rgb c) {
        return Math.max(c.r(), Math.max(c.g(), c.b())) - Math.min(c.r(), Math.min(c.g(), c.b()));
    }

    private static boolean isNamed(ColorEvaluation c) {
        return "named".equals(c.colorSet()) && c.name() != null;
    }
}
