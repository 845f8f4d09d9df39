package dev.anchorsweep.analysis.report;

/**
 * Median, interquartile range and range of a metric across an arm's seeds (Spark's {@code percentile}, {@code min},
 * {@code max}); min and max may be null where the query has none.
 */
public record Quartiles(Double q1, Double median, Double q3, Double min, Double max) {

    public Quartiles(Double q1, Double median, Double q3) {
        this(q1, median, q3, null, null);
    }

    /** {@code 0.343 (0.333–0.365)}; just the median when the quartiles are missing or equal to it. */
    public String text() {
        String m = SignificantDigits.format(median);
        if (q1 == null || q3 == null || q1.equals(q3)) return m;
        return m + " (" + SignificantDigits.format(q1) + "–" + SignificantDigits.format(q3) + ")";
    }

    /** The median, with the IQR in a smaller second line (HTML). */
    public String html() {
        String m = HtmlText.escape(SignificantDigits.format(median));
        if (q1 == null || q3 == null || q1.equals(q3)) return m;
        return m + "<div class=\"iqr\">" + HtmlText.escape(SignificantDigits.format(q1)) + "–"
                + HtmlText.escape(SignificantDigits.format(q3)) + "</div>";
    }
}
