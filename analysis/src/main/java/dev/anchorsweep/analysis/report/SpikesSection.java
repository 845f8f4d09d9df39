package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.ArrayList;
import java.util.List;

/**
 * "Smooth vs stepped" as numbers (the comparison the reference only promised): per arm across seeds, the largest
 * loss spike at a phase change and the mean variance of the loss within the phases (views spike_summary,
 * loss_spikes, phase_loss). Only for a sweep whose runs have phase changes.
 */
public final class SpikesSection {

    private SpikesSection() {
    }

    /** The section, or null when no run has a phase change (nothing to compare). */
    public static Section render(QueryResult summary, QueryResult spikes, QueryResult phases, ReportFiles files) {
        if (spikes.rows().isEmpty()) return null;
        String summaryCsv = files.csv("spike_summary", summary);
        String spikesCsv = files.csv("loss_spikes", spikes);
        String phasesCsv = files.csv("phase_loss", phases);
        List<ResultRow> changes = ResultRow.all(spikes);
        boolean configured = changes.stream().anyMatch(r -> "config".equals(r.string("source")));
        boolean jumps = changes.stream().anyMatch(r -> "schedule jumps".equals(r.string("source")));
        StringBuilder sb = new StringBuilder("<h2>Loss at phase changes</h2>");
        sb.append("<p class=\"lead-in\">Does a phase change disturb training, and is the loss calmer within smooth "
                + "phases? Per run and phase change: the <b>spike</b> = the largest training loss (batch value of "
                + "<code>history.losses['total']</code>) within 100 steps after the change over the median loss within "
                + "100 steps before it (1 = no jump); per phase: the <b>variance</b> of the loss from 100 steps after "
                + "its start to its end. Per arm across its ok, not degenerate runs: median (IQR) of each run's "
                + "largest spike and of its mean within-phase variance. Phases: ");
        if (configured) sb.append("the config's named phases (<code>training.phases</code>)");
        if (configured && jumps) sb.append("; for runs without named phases, ");
        if (jumps) {
            sb.append("cut where lr or a scheduled weight jumps by more than 50 % of its value and 30 % of its range "
                    + "between two logged steps");
        }
        sb.append(".</p>");
        HtmlTable table = new HtmlTable().caption("Loss spikes and within-phase variance across seeds; every change: "
                        + "<a href=\"" + spikesCsv + "\">loss_spikes.csv</a>, every phase: <a href=\"" + phasesCsv
                        + "\">phase_loss.csv</a>", summaryCsv)
                .column("arm", false).column("runs", true).column("phase changes per run", true)
                .column("largest spike<br><small>median (IQR)</small>", true).column("range", true)
                .column("within-phase variance<br><small>median (IQR)</small>", true).column("range", true);
        for (ResultRow r : ResultRow.all(summary)) {
            Quartiles spike = new Quartiles(r.number("largest_spike_q1"), r.number("largest_spike_median"),
                    r.number("largest_spike_q3"), r.number("largest_spike_min"), r.number("largest_spike_max"));
            Quartiles variance = new Quartiles(r.number("phase_variance_q1"), r.number("phase_variance_median"),
                    r.number("phase_variance_q3"), r.number("phase_variance_min"), r.number("phase_variance_max"));
            List<HtmlTable.Cell> cells = new ArrayList<>();
            cells.add(HtmlTable.text(r.string("arm")));
            cells.add(HtmlTable.text(r.integer("runs") + (r.integer("seeds") == r.integer("runs") ? ""
                    : " (" + r.integer("seeds") + " seeds)")));
            cells.add(HtmlTable.number(r.number("phase_changes_median")));
            cells.add(HtmlTable.html(spike.median() == null ? "–" : spike.html()));
            cells.add(HtmlTable.text(range(spike)));
            cells.add(HtmlTable.html(variance.median() == null ? "–" : variance.html()));
            cells.add(HtmlTable.text(range(variance)));
            table.row(cells);
        }
        sb.append(table.render());
        return new Section("spikes", "Loss at phase changes", sb.toString());
    }

    private static String range(Quartiles q) {
        if (q.min() == null || q.max() == null) return "–";
        return SignificantDigits.format(q.min()) + " – " + SignificantDigits.format(q.max());
    }
}
