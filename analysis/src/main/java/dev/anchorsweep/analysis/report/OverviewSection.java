package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.ArrayList;
import java.util.List;

import static dev.anchorsweep.analysis.report.SignificantDigits.seconds;

/** The sweep at a glance: what it is, when and where it ran, runs ok / failed per arm, training time, its config. */
public final class OverviewSection {

    private OverviewSection() {
    }

    public static Section render(SweepInfo info, QueryResult armRuns, QueryResult time, QueryResult axes,
                                 ReportFiles files) {
        StringBuilder sb = new StringBuilder("<h2>Overview</h2>");
        ResultRow t = time.rows().isEmpty() ? null : ResultRow.all(time).get(0);
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"sweep", HtmlText.escape(info.name())
                + (info.name().equals(info.sweepId()) ? "" : " (" + HtmlText.escape(info.sweepId()) + ")")});
        if (info.configFile() != null) facts.add(new String[] {"config file", "<code>" + HtmlText.escape(info.configFile()) + "</code>"});
        if (info.runsTotal() != null) {
            facts.add(new String[] {"runs", info.runsTotal() + " planned · <span class=\"ok\">" + info.runsOk()
                    + " ok</span> · <span class=\"" + (info.runsFailed() > 0 ? "bad" : "ok") + "\">" + info.runsFailed()
                    + " failed</span>"});
        }
        List<String> axisList = new ArrayList<>();
        for (ResultRow a : ResultRow.all(axes)) axisList.add(HtmlText.escape(a.string("axis")) + " (" + a.integer("values") + ")");
        facts.add(new String[] {"grid axes", axisList.isEmpty() ? "–" : String.join(", ", axisList)});
        if (info.createdAt() != null) {
            facts.add(new String[] {"ran", HtmlText.escape(info.createdAt()) + " → "
                    + (info.finishedAt() == null ? "not finished" : HtmlText.escape(info.finishedAt()))
                    + (info.wallSeconds() == null ? "" : " (" + seconds(info.wallSeconds()) + " wall)")});
        }
        if (t != null) {
            facts.add(new String[] {"training time", seconds(t.number("train_seconds_total")) + " in total over "
                    + t.integer("runs") + " runs; per run median " + seconds(t.number("train_seconds_median"))
                    + ", max " + seconds(t.number("train_seconds_max")) + " (a run's share of its pack's wall time); "
                    + "evaluation " + seconds(t.number("eval_seconds_total")) + " in total"});
        }
        if (info.master() != null) facts.add(new String[] {"Spark master", "<code>" + HtmlText.escape(info.master()) + "</code>"});
        if (info.codeVersion() != null) facts.add(new String[] {"code version", "<code>" + HtmlText.escape(info.codeVersion()) + "</code>"});
        sb.append("<dl class=\"facts\">");
        for (String[] f : facts) sb.append("<dt>").append(f[0]).append("</dt><dd>").append(f[1]).append("</dd>");
        sb.append("</dl>");

        String csv = files.csv("arm_runs", armRuns);
        HtmlTable table = new HtmlTable().caption("Runs per arm", csv)
                .column("arm", false).column("runs", true).column("ok", true).column("failed", true)
                .column("degenerate", true).column("seeds", true).column("steps", true).column("K / N", true)
                .column("training, total", true).column("training, per run (median)", true)
                .column("selection by", false);
        for (ResultRow r : ResultRow.all(armRuns)) {
            long failed = r.integer("failed");
            long degenerate = r.integer("degenerate");
            table.row(List.of(HtmlTable.html("<a href=\"#arm-" + HtmlText.slug(r.string("arm")) + "\">"
                            + HtmlText.escape(r.string("arm")) + "</a>"),
                    HtmlTable.text(r.integer("runs")), HtmlTable.styled(String.valueOf(r.integer("ok")), "ok", null),
                    HtmlTable.styled(String.valueOf(failed), failed > 0 ? "bad" : "muted", null),
                    HtmlTable.styled(String.valueOf(degenerate), degenerate > 0 ? "bad" : "muted", null),
                    HtmlTable.text(r.integer("seeds")), HtmlTable.text(r.integer("steps")),
                    HtmlTable.text(r.integer("latent_dim") + " / " + r.integer("layers")),
                    HtmlTable.text(seconds(r.number("train_seconds_total"))),
                    HtmlTable.text(seconds(r.number("train_seconds_median"))),
                    r.string("selection_intervention") == null ? HtmlTable.text("–")
                            : HtmlTable.html(Chips.chip(r.string("selection_intervention")))));
        }
        sb.append(table.render());
        if (info.config() != null) {
            sb.append("<details class=\"config\"><summary>Resolved sweep config (HOCON)</summary><pre>")
                    .append(HtmlText.escape(info.config())).append("</pre></details>");
        }
        return new Section("overview", "Overview", sb.toString());
    }
}
