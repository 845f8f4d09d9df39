package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.List;

/**
 * The failed runs and why (report/failed_runs.sql), and the degenerate ones: ok, but reconstructing no better than a
 * constant grey or far worse than their arm (report/degenerate_runs.sql, the {@code run_flags} view).
 */
public final class FailuresSection {

    static final String TITLE = "Failed and degenerate runs";

    private FailuresSection() {
    }

    public static Section render(QueryResult failed, QueryResult degenerate, ReportFiles files) {
        StringBuilder sb = new StringBuilder("<h2>" + TITLE + "</h2>");
        if (failed.rows().isEmpty()) {
            sb.append("<p class=\"ok\">No run failed.</p>");
        } else {
            String csv = files.csv("failed_runs", failed);
            HtmlTable table = new HtmlTable().caption(failed.rows().size() + " failed runs", csv)
                    .column("arm", false).column("seed", true).column("run id", false).column("failed at step", true)
                    .column("error", false);
            for (ResultRow r : ResultRow.all(failed)) {
                table.row(List.of(HtmlTable.text(r.string("arm")), HtmlTable.text(r.integer("seed")),
                        HtmlTable.html("<code>" + HtmlText.escape(r.string("run_id")) + "</code>"),
                        HtmlTable.text(r.number("failed_step") == null ? "–" : String.valueOf(r.integer("failed_step"))),
                        HtmlTable.styled(HtmlText.escape(r.string("error")), "error-text", null)));
            }
            sb.append(table.render());
        }
        if (degenerate.rows().isEmpty()) {
            sb.append("<p class=\"ok\">No ok run is degenerate.</p>");
        } else {
            String csv = files.csv("degenerate_runs", degenerate);
            HtmlTable table = new HtmlTable().caption(degenerate.rows().size() + " degenerate runs: status ok, left out "
                            + "of the arms' medians", csv)
                    .column("arm", false).column("seed", true).column("run id", false).column("val recon", true)
                    .column("arm median", true).column("why", false);
            for (DegenerateRun r : DegenerateRun.of(degenerate)) {
                table.row(List.of(HtmlTable.text(r.arm()), HtmlTable.text(r.seed()),
                        HtmlTable.html("<code>" + HtmlText.escape(r.runId()) + "</code>"),
                        HtmlTable.number(r.valRecon()), HtmlTable.number(r.armMedian()),
                        HtmlTable.styled(HtmlText.escape(r.reason()), "error-text", null)));
            }
            sb.append(table.render());
        }
        sb.append("<p class=\"note\">Degenerate: an ok run whose validation reconstruction error is above ")
                .append(DegenerateRule.CEILING).append(" (no better than a model that always outputs mid-grey, the "
                        + "validation colours' mean: ").append(DegenerateRule.CONSTANT_GREY).append("), or above ")
                .append((int) DegenerateRule.TIMES_MEDIAN).append(" × the median of its arm's ok runs and above ")
                .append(DegenerateRule.FLOOR).append(" (view <code>run_flags</code>).</p>");
        int n = failed.rows().size() + degenerate.rows().size();
        return new Section("failed", TITLE + " (" + n + ")", sb.toString());
    }
}
