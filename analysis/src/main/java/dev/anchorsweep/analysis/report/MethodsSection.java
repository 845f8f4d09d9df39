package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ReportViews;
import dev.anchorsweep.analysis.sql.ResultRow;
import dev.anchorsweep.analysis.sql.SqlResource;

import java.util.List;

import static dev.anchorsweep.analysis.report.SignificantDigits.format;

/**
 * How the numbers are made: the definitions, the selectivity score recomputed with Spark SQL against the stored one,
 * and every query the report ran (copied next to it under {@code sql/}), with the CSV of every table.
 */
public final class MethodsSection {

    private MethodsSection() {
    }

    public static Section render(QueryResult selectivity, List<ReportViews.View> views, List<SqlResource> queries,
                                 ReportFiles files) {
        StringBuilder sb = new StringBuilder("<h2>How the numbers are made</h2><ul class=\"defs\">");
        sb.append("<li><b>Error</b> of a colour: mean over r, g, b of the squared difference between the reconstruction "
                + "(clamped to [0, 1]) and the colour.</li>");
        sb.append("<li><b>Concept colour</b>: the named colour most similar to the run's concept (similarity 1, e.g. "
                + "red). <b>Complement</b>: the fully saturated named colour of the opposite hue (e.g. cyan).</li>");
        sb.append("<li><b>Colour group</b> of a concept without a single colour (label <code>vibrancy</code> or "
                + "<code>desaturation</code>): the named colours where its label measure is 1 — vibrancy (max − min of "
                + "r, g, b): the 12 fully saturated hues; desaturation: black, the greys and white. Its off-target "
                + "colours are the rest (measure 0). Its error per run is the <b>median</b> error over the group; "
                + "beside it the worst and the mean error of the off-target group; no complement.</li>");
        sb.append("<li><b>Degenerate</b> run: ok, but its validation reconstruction error is above "
                + DegenerateRule.CEILING + " (no better than always answering mid-grey: " + DegenerateRule.CONSTANT_GREY
                + "), or above " + (int) DegenerateRule.TIMES_MEDIAN + " × its arm's median and above "
                + DegenerateRule.FLOOR + ". Marked in <code>run_errors</code>, left out of <code>arm_summary</code> "
                + "(view <code>run_flags</code>).</li>");
        sb.append("<li><b>Off-target</b> colours: the named colours whose HSV similarity to the concept colour is 0 — "
                + "hues 90° or more away, and black, the greys and white. <b>Worst off-target error</b>: the largest "
                + "error among them, per run.</li>");
        sb.append("<li><b>Selectivity score</b> r² (SCA-SPEC §6): squared Pearson correlation between per-colour error "
                + "on the 8³ RGB grid and similarity<sup>p</sup> (p = 2 for suppression and repulsion, 3 for "
                + "ablation), as the worker stored it in <code>runs.scores</code>.</li>");
        sb.append("<li><b>Medians and quartiles</b> across an arm's ok runs that are not degenerate: Spark SQL <code>percentile</code> (exact, "
                + "linear interpolation).</li>");
        sb.append("<li><b>Best run</b>: the arm's ok runs not dominated on (selection metrics ↓, selection score ↑), "
                + "then the highest score, then the lowest validation reconstruction error.</li></ul>");

        if (!selectivity.rows().isEmpty()) {
            String csv = files.csv("selectivity_check", selectivity);
            HtmlTable table = new HtmlTable().caption("The selectivity score recomputed in Spark SQL "
                            + "(<code>corr(error, pow(similarity, p))²</code> over the rgb-grid rows) against "
                            + "<code>runs.scores</code>", csv)
                    .column("arm", false).column("intervention", false).column("p", true).column("runs", true)
                    .column("colours", true).column("median r² (SQL)", true).column("median r² (stored)", true)
                    .column("largest difference", true);
            for (ResultRow r : ResultRow.all(selectivity)) {
                table.row(List.of(HtmlTable.text(r.string("arm")), HtmlTable.html(Chips.chip(r.string("intervention"))),
                        HtmlTable.number(r.number("power")), HtmlTable.text(r.integer("runs")),
                        HtmlTable.text(r.integer("colors")), HtmlTable.text(format(r.number("sql_score_median"), 4)),
                        HtmlTable.text(format(r.number("stored_score_median"), 4)),
                        HtmlTable.number(r.number("max_abs_difference"))));
            }
            sb.append(table.render());
        }

        sb.append("<h3>Queries</h3><p>Every number on this page comes from one of these Spark SQL statements over the "
                + "result tables; run them yourself with <code>deploy/sweep sql RESULTS_DIR \"SELECT …\"</code>, where "
                + "the views below are defined.</p><div class=\"cols\"><div><h4>Views</h4><ul class=\"files\">");
        for (ReportViews.View v : views) {
            String path = "sql/views/" + v.name() + ".sql";
            files.write(path, SqlResource.load("views/" + v.name() + ".sql").text());
            sb.append("<li><a href=\"").append(path).append("\"><code>").append(HtmlText.escape(v.name()))
                    .append("</code></a> — ").append(HtmlText.escape(v.description())).append("</li>");
        }
        sb.append("</ul></div><div><h4>Report queries</h4><ul class=\"files\">");
        for (SqlResource q : queries) {
            String path = "sql/report/" + q.name() + ".sql";
            files.write(path, q.text());
            sb.append("<li><a href=\"").append(path).append("\"><code>").append(HtmlText.escape(q.name()))
                    .append("</code></a></li>");
        }
        sb.append("</ul></div><div><h4>Tables (CSV)</h4><ul class=\"files\">");
        for (String csv : files.tables()) {
            sb.append("<li><a href=\"").append(HtmlText.escape(csv)).append("\"><code>")
                    .append(HtmlText.escape(csv.substring(csv.indexOf('/') + 1))).append("</code></a></li>");
        }
        sb.append("</ul></div></div>");
        return new Section("methods", "How the numbers are made", sb.toString());
    }
}
