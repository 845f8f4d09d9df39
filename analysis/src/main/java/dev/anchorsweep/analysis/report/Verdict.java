package dev.anchorsweep.analysis.report;

import static dev.anchorsweep.analysis.report.SignificantDigits.format;

/**
 * What an intervention does to an arm, in words, from the medians across seeds: whether it removes the concept
 * (median concept error ≥ {@value #REMOVES}), weakens it (≥ {@value #WEAKENS}) or barely changes it, and whether it
 * spares the other colours (median worst off-target error ≤ {@value #SPARES}) or also damages them
 * (≥ {@value #DAMAGES}). For a concept without a single colour (vibrancy) the same thresholds apply to the median of
 * its colour group's median error, and "spares" speaks of the other group's worst error: "removes the 12 hues (median
 * 0.29) and spares black, greys, white (worst 0.004, mostly black)".
 */
public record Verdict(ArmStat stat) {

    public static final double REMOVES = 0.1;
    public static final double WEAKENS = 0.02;
    public static final double SPARES = 0.01;
    public static final double DAMAGES = 0.05;

    /** selective, not-selective, partial or ineffective: the CSS class of the verdict badge. */
    public String kind() {
        Double concept = stat.concept().median();
        Double off = stat.offTarget().median();
        if (concept == null) return "partial";
        if (concept < WEAKENS) return "ineffective";
        if (off != null && off >= DAMAGES) return "not-selective";
        if (concept >= REMOVES && (off == null || off <= SPARES)) return "selective";
        return "partial";
    }

    public String badge() {
        return "<span class=\"badge " + kind() + "\">" + kind().replace('-', ' ') + "</span>";
    }

    /** E.g. "removes red (median 0.344) and spares cyan (median 2.02e-5)". */
    public String sentence() {
        String concept = stat.conceptPhrase() == null ? "the concept" : stat.conceptPhrase();
        Double e = stat.concept().median();
        StringBuilder sb = new StringBuilder();
        if (e == null) {
            sb.append("has no concept colour to measure");
        } else {
            sb.append(e >= REMOVES ? "removes " : e >= WEAKENS ? "weakens " : "barely changes ")
                    .append(strong(concept)).append(" (median ").append(format(e)).append(')');
        }
        if (stat.group()) {
            Double off = stat.offTarget().median();
            if (off != null && e != null && stat.offTargetPhrase() != null) {
                sb.append(off <= SPARES ? " and spares " : off >= DAMAGES ? " but also damages "
                        : " and slightly affects ").append(strong(stat.offTargetPhrase())).append(" (worst ")
                        .append(format(off));
                if (stat.offTargetColor() != null) sb.append(", mostly ").append(HtmlText.escape(stat.offTargetColor()));
                sb.append(')');
            }
            return sb.toString();
        }
        Double c = stat.complement().median();
        if (c != null && stat.complementColor() != null) {
            String name = strong(stat.complementColor());
            sb.append(c <= SPARES ? " and spares " : c >= DAMAGES ? " but also damages " : " and slightly affects ")
                    .append(name).append(" (median ").append(format(c)).append(')');
        }
        return sb.toString();
    }

    /** E.g. "worst off-target 0.00391 (mostly black) · selectivity r² 0.900 (IQR 0.877–0.923)". */
    public String details() {
        StringBuilder sb = new StringBuilder();
        Double off = stat.offTarget().median();
        if (off != null && !stat.group()) { // a group's worst off-target error is in its sentence
            sb.append("worst off-target ").append(format(off));
            if (stat.offTargetColor() != null) sb.append(" (mostly ").append(HtmlText.escape(stat.offTargetColor())).append(')');
        }
        Quartiles score = stat.score();
        if (score.median() != null) {
            if (!sb.isEmpty()) sb.append(" · ");
            sb.append("selectivity r² ").append(format(score.median()));
            if (score.q1() != null && score.q3() != null && !score.q1().equals(score.q3())) {
                sb.append(" (IQR ").append(format(score.q1())).append("–").append(format(score.q3())).append(')');
            }
        }
        return sb.toString();
    }

    private static String strong(String text) {
        return "<b>" + HtmlText.escape(text) + "</b>";
    }
}
