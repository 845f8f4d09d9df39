package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.chart.SampledScatterChart;
import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.anchorsweep.analysis.report.SignificantDigits.format;

/**
 * A sampled sweep's settings against its outcome (the {@code sampled_settings} view; the outcome is each run's
 * selection score): the settings ranked by the share of the outcome's variance each explains alone
 * (report/sampled_importance.sql), the best region — the settings of the top 10 % of runs
 * (report/sampled_best_region.sql) — and a scatter of the outcome against each setting, coloured by the
 * highest-ranked other one.
 */
public final class SampledSettingsSection {

    static final String ID = "sampled";
    static final String TITLE = "Sampled settings";

    private SampledSettingsSection() {
    }

    /** Starts the section's queries; null when the sweep has no sampled settings (no {@code sample} axis). */
    public static Pending submit(ReportSql sql, QueryResult axes) {
        boolean sampled = ResultRow.all(axes).stream().anyMatch(a -> "sample".equals(a.string("axis")));
        if (!sampled || !sql.catalog().views().contains("sampled_settings")) return null;
        return new Pending(sql.submit("sampled_points"), sql.submit("sampled_importance"),
                sql.submit("sampled_best_region"));
    }

    /** The section's queries under way. */
    public record Pending(ReportSql.Pending points, ReportSql.Pending importance, ReportSql.Pending region) {

        public Section render(ReportFiles files) {
            return SampledSettingsSection.render(points.get(), importance.get(), region.get(), files);
        }
    }

    static Section render(QueryResult points, QueryResult importance, QueryResult region, ReportFiles files) {
        StringBuilder sb = new StringBuilder("<h2>" + TITLE + "</h2>");
        List<ResultRow> rows = ResultRow.all(points);
        if (rows.isEmpty()) {
            sb.append("<p>No ok run of this sweep has sampled settings.</p>");
            return new Section(ID, TITLE, sb.toString());
        }
        long runs = rows.stream().map(r -> r.string("run_id")).distinct().count();
        long samples = rows.stream().map(r -> r.integer("sample")).distinct().count();
        long degenerate = rows.stream().filter(r -> r.flag("degenerate")).map(r -> r.string("run_id")).distinct().count();
        List<String> interventions = rows.stream().map(r -> r.string("selection_intervention"))
                .filter(java.util.Objects::nonNull).distinct().toList();
        sb.append("<p>").append(runs).append(" ok runs at ").append(samples).append(" sampled points. Outcome: each "
                + "run's selection score, the selectivity r² of ").append(interventions.isEmpty() ? "its selection "
                + "intervention" : "<b>" + HtmlText.escape(String.join(", ", interventions)) + "</b>")
                .append(" (higher is better)");
        if (degenerate > 0) sb.append("; ").append(degenerate).append(degenerate == 1 ? " degenerate run is" :
                " degenerate runs are").append(" left out of the tables and drawn as grey crosses");
        sb.append(".</p>");

        List<ResultRow> ranked = ResultRow.all(importance);
        HtmlTable rank = new HtmlTable()
                .caption("Settings ranked by the share of the outcome's variance each explains alone (η²)",
                        files.csv("sampled_importance", importance))
                .column("setting", false).column("η²", true).column("noise floor", true).column("correlation r", true)
                .column("bins", true).column("runs", true);
        for (ResultRow r : ranked) {
            rank.row(List.of(HtmlTable.html("<code>" + HtmlText.escape(r.string("setting")) + "</code>"),
                    HtmlTable.number(r.number("eta_squared")), HtmlTable.number(r.number("noise_floor")),
                    HtmlTable.number(r.number("correlation")), HtmlTable.text(r.integer("bins")),
                    HtmlTable.text(r.integer("runs"))));
        }
        sb.append(rank.render());

        List<ResultRow> regions = ResultRow.all(region);
        HtmlTable best = new HtmlTable()
                .caption(regions.isEmpty() ? "Best region" : "Best region: the settings of the top "
                        + regions.get(0).integer("top_runs") + " of " + regions.get(0).integer("runs")
                        + " runs by outcome (outcome ≥ " + format(regions.get(0).number("top_outcome_min")) + ")",
                        files.csv("sampled_best_region", region))
                .column("setting", false).column("best region", true).column("its median", true)
                .column("sampled range", true);
        for (ResultRow r : regions) {
            best.row(List.of(HtmlTable.html("<code>" + HtmlText.escape(r.string("setting")) + "</code>"),
                    HtmlTable.text(format(r.number("top_min")) + " – " + format(r.number("top_max"))),
                    HtmlTable.number(r.number("top_median")),
                    HtmlTable.text(format(r.number("all_min")) + " – " + format(r.number("all_max")))));
        }
        sb.append(best.render());
        files.csv("sampled_points", points);

        List<String> order = new ArrayList<>(ranked.stream().map(r -> r.string("setting")).toList());
        rows.stream().map(r -> r.string("setting")).distinct().filter(s -> !order.contains(s)).forEach(order::add);
        Map<String, Map<String, Double>> valueByRun = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            valueByRun.computeIfAbsent(r.string("setting"), k -> new LinkedHashMap<>()).put(r.string("run_id"),
                    r.number("value"));
        }
        StringBuilder charts = new StringBuilder();
        for (String setting : order) {
            String colour = order.stream().filter(s -> !s.equals(setting)).findFirst().orElse(null);
            List<SampledScatterChart.Point> dots = new ArrayList<>();
            for (ResultRow r : rows) {
                if (!setting.equals(r.string("setting")) || r.number("outcome") == null) continue;
                Double c = colour == null ? null : valueByRun.get(colour).get(r.string("run_id"));
                dots.add(new SampledScatterChart.Point(r.number("value"), r.number("outcome"),
                        c == null ? Double.NaN : c, r.flag("degenerate")));
            }
            String png = files.chart("sampled-" + setting, SampledScatterChart.build("outcome against " + setting,
                    setting, "selection score", colour, dots, 620, 360));
            String alt = "selection score of every run against " + setting
                    + (colour == null ? "" : ", coloured by " + colour);
            charts.append("<figure><img src=\"").append(HtmlText.escape(png)).append("\" width=\"620\" alt=\"")
                    .append(HtmlText.escape(alt)).append("\">");
            if (colour != null) {
                charts.append("<figcaption class=\"note\">colour: <code>").append(HtmlText.escape(colour))
                        .append("</code> (dark: low, light: high)</figcaption>");
            }
            charts.append("</figure>");
        }
        sb.append("<div class=\"figures\">").append(charts).append("</div>");
        sb.append("<p class=\"note\">η²: the correlation ratio — the variance of the outcome's mean across bins of the "
                + "setting, as a share of the outcome's variance; an estimate of the setting's first-order Sobol index "
                + "(what it explains alone). Bins: one per distinct value for a setting with at most ⌊√n⌋ values, else "
                + "⌊√n⌋ bins of equal counts (2 to 10 bins). Noise floor: what η² comes out as for a setting without "
                + "effect, (bins − 1)/(runs − 1). Correlation r: Pearson's, its sign says which way is better. Best "
                + "region: the range of each setting among the top 10 % of runs by outcome. Each scatter is coloured "
                + "by the highest-ranked other setting, in up to five groups of equal counts (dark: low, light: high). "
                + "Rows: view <code>sampled_settings</code>.</p>");
        return new Section(ID, TITLE, sb.toString());
    }
}
