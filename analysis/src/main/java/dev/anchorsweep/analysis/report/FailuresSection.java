package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.List;

/** The failed runs and why (report/failed_runs.sql). */
public final class FailuresSection {

    private FailuresSection() {
    }

    public static Section render(QueryResult failed, ReportFiles files) {
        StringBuilder sb = new StringBuilder("<h2>Failed runs</h2>");
        if (failed.rows().isEmpty()) {
            sb.append("<p class=\"ok\">No run failed.</p>");
            return new Section("failed", "Failed runs", sb.toString());
        }
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
        return new Section("failed", "Failed runs (" + failed.rows().size() + ")", sb.toString());
    }
}
