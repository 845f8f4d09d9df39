package dev.anchorsweep.analysis.adaptive;

import java.util.regex.Pattern;

/**
 * The outcome of a run that an adaptive arm's interval is about: a column of {@code runs}.
 *
 * @param name           as written in {@code grid.seeds.adaptive.metric}
 * @param sql            its value as a Spark SQL expression over {@code runs}
 * @param higherIsBetter true for scores, false for reconstruction losses (for {@code pareto-only})
 */
public record SeedMetric(String name, String sql, boolean higherIsBetter) {

    /** What {@link #parse} accepts, for error messages. */
    public static final String KNOWN = "score (runs.selection_score), val_recon, final_recon or scores.<intervention>";
    private static final Pattern INTERVENTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    /** The metric of that name, or null when there is none. */
    public static SeedMetric parse(String name) {
        if (name == null) return null;
        return switch (name) {
            case "score" -> new SeedMetric(name, "selection_score", true);
            case "val_recon" -> new SeedMetric(name, "val_recon", false);
            case "final_recon" -> new SeedMetric(name, "final_recon", false);
            default -> {
                String intervention = name.startsWith("scores.") ? name.substring("scores.".length()) : null;
                yield intervention != null && INTERVENTION.matcher(intervention).matches()
                        ? new SeedMetric(name, "scores['" + intervention + "']", true) : null;
            }
        };
    }
}
