package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.List;

/**
 * Early stopping: per arm, the runs a stopping rule stopped and the compute that saved (report/stopping_summary.sql,
 * the {@code stopping_summary} view), and each stopped run with its step and rule (report/stopped_runs.sql). Only in
 * the report of a sweep where some run stopped.
 */
public final class StoppingSection {

    static final String TITLE = "Stopped runs";

    private StoppingSection() {
    }

    public static Section render(QueryResult summary, QueryResult stopped, ReportFiles files) {
        StringBuilder sb = new StringBuilder("<h2>" + TITLE + "</h2>");
        long saved = 0, planned = 0;
        HtmlTable arms = new HtmlTable().caption("Compute saved per arm (updates not trained)",
                        files.csv("stopping_summary", summary))
                .column("arm", false).column("runs", true).column("stopped", true).column("steps trained", true)
                .column("steps saved", true).column("% saved", true);
        for (ResultRow r : ResultRow.all(summary)) {
            arms.row(List.of(HtmlTable.text(r.string("arm")), HtmlTable.text(r.integer("runs")),
                    HtmlTable.text(r.integer("stopped")), HtmlTable.text(r.integer("steps_trained")),
                    HtmlTable.text(r.integer("steps_saved")), HtmlTable.text(r.number("pct_saved"))));
            saved += r.integer("steps_saved");
            planned += r.integer("steps_trained") + r.integer("steps_saved");
        }
        sb.append("<p>").append(stopped.rows().size()).append(" runs stopped early; they saved ").append(saved)
                .append(" of ").append(planned).append(" model-steps (")
                .append(planned == 0 ? "0" : String.format("%.1f", 100.0 * saved / planned)).append(" %).</p>");
        sb.append(arms.render());
        HtmlTable runs = new HtmlTable().caption(stopped.rows().size() + " stopped runs", files.csv("stopped_runs", stopped))
                .column("arm", false).column("seed", true).column("run id", false).column("stopped at step", true)
                .column("of steps", true).column("rule", false).column("val recon", true);
        for (ResultRow r : ResultRow.all(stopped)) {
            runs.row(List.of(HtmlTable.text(r.string("arm")), HtmlTable.text(r.integer("seed")),
                    HtmlTable.html("<code>" + HtmlText.escape(r.string("run_id")) + "</code>"),
                    HtmlTable.text(r.integer("stopped_step")), HtmlTable.text(r.integer("steps")),
                    HtmlTable.text(r.string("stop_rule")), HtmlTable.number(r.number("val_recon"))));
        }
        sb.append(runs.render());
        sb.append("<p class=\"note\">A stopped run ends its training at a validation step where a rule of its "
                + "<code>stopping</code> section held; it keeps its history up to there and is evaluated on its weights "
                + "there. It is neither ok nor failed: the arms' medians, the verdict and best-run selection use ok runs "
                + "only (view <code>stopping_summary</code>).</p>");
        return new Section("stopped", TITLE + " (" + stopped.rows().size() + ")", sb.toString());
    }
}
