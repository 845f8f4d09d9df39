package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.List;

/**
 * One row of the {@code arm_summary} view: an arm under one intervention, across its seeds (degenerate runs left out).
 *
 * @param group         whether the concept is a colour group (vibrancy: the 12 hues) rather than one colour; then
 *                      {@code concept} is the per-run median error over the group, {@code conceptColor} and the
 *                      complement are null, and {@code offTarget} is the worst error of the other group
 * @param conceptLabel  the concept colour ("red") or the group's label ("hues", "achromatic", else names)
 * @param conceptColors how many named colours the concept has (1 for a colour)
 * @param offTargetLabel the other group's label ("achromatic"); null for a colour concept
 * @param offTargetColors how many named colours are off-target
 */
public record ArmStat(String arm, String intervention, long runs, String conceptColor, Quartiles concept,
                      String complementColor, Quartiles complement, String offTargetColor, Quartiles offTarget,
                      Quartiles score, Double scoreMin, Quartiles baselineRecon, Double maxNamedErrorMedian,
                      boolean group, String conceptLabel, long conceptColors, String offTargetLabel,
                      long offTargetColors) {

    static List<ArmStat> of(QueryResult result) {
        return ResultRow.all(result).stream().map(r -> new ArmStat(r.string("arm"), r.string("intervention"),
                r.integer("runs"), r.string("concept_color"), quartiles(r, "concept_error"),
                r.string("complement_color"), quartiles(r, "complement_error"), r.string("off_target_color"),
                quartiles(r, "off_target_error"), quartiles(r, "score"), r.number("score_min"),
                quartiles(r, "baseline_recon"), r.number("max_named_error_median"),
                "group".equals(r.string("concept_kind")), r.string("concept_label"), count(r, "concept_colors"),
                r.string("off_target_label"), count(r, "off_target_colors"))).toList();
    }

    private static long count(ResultRow r, String column) {
        return r.number(column) == null ? 0 : r.integer(column);
    }

    /**
     * The concept's colours in words: "red"; for a group "the 12 hues", "black, greys, white" (achromatic), else the
     * label (their names).
     */
    public String conceptPhrase() {
        return group ? groupPhrase(conceptLabel, conceptColors) : conceptColor;
    }

    /** The other group in words ("black, greys, white"); null for a colour concept. */
    public String offTargetPhrase() {
        return group ? groupPhrase(offTargetLabel, offTargetColors) : null;
    }

    /** "red / cyan" or "hues / achromatic": the two names the end-of-sweep summary shows too. */
    public String pairLabel() {
        return group ? conceptLabel + " / " + (offTargetLabel == null ? "–" : offTargetLabel)
                : conceptColor + " / " + (complementColor == null ? "–" : complementColor);
    }

    static String groupPhrase(String label, long colors) {
        if (label == null) return null;
        return switch (label) {
            case "hues" -> "the " + colors + " hues";
            case "achromatic" -> "black, greys, white";
            default -> label;
        };
    }

    private static Quartiles quartiles(ResultRow r, String metric) {
        boolean range = r.result().columns().contains(metric + "_min");
        return new Quartiles(r.number(metric + "_q1"), r.number(metric + "_median"), r.number(metric + "_q3"),
                range ? r.number(metric + "_min") : null, range ? r.number(metric + "_max") : null);
    }

    public boolean isBaseline() {
        return "baseline".equals(intervention);
    }
}
