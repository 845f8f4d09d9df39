package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.adaptive.AdaptiveArmsView;
import dev.anchorsweep.analysis.adaptive.SeedRule;
import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultCatalog;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.List;
import java.util.Map;

/**
 * An adaptive-seed sweep's arms (the {@code adaptive_arms} view): the rule, and per arm the seeds spent, the median of
 * the rule's metric, its bootstrap interval and why the arm stopped adding seeds.
 */
public final class AdaptiveSeedsSection {

    static final String ID = "adaptive";
    static final String TITLE = "Adaptive seeds";

    private AdaptiveSeedsSection() {
    }

    /** The section, or null when the sweep's seeds are not adaptive. */
    public static Section render(ResultCatalog catalog, String sweepId, ReportFiles files) {
        if (!catalog.views().contains(AdaptiveArmsView.NAME)) return null;
        QueryResult config = catalog.collect("SELECT config FROM sweeps WHERE sweep_id = :sweep",
                Map.of("sweep", sweepId), 1);
        SeedRule rule = config.rows().isEmpty() ? null : SeedRule.ofSweepConfig(ResultRow.all(config).get(0).string("config"));
        if (rule == null) return null;
        QueryResult arms = catalog.collect("SELECT * FROM " + AdaptiveArmsView.NAME + " WHERE sweep_id = :sweep ORDER BY arm",
                Map.of("sweep", sweepId), Integer.MAX_VALUE);
        List<ResultRow> rows = ResultRow.all(arms);
        long spent = rows.stream().mapToLong(r -> r.integer("seeds")).sum();
        StringBuilder sb = new StringBuilder("<h2>" + TITLE + "</h2>");
        sb.append("<p>").append(HtmlText.escape(rule.describe().substring(0, 1).toUpperCase()
                + rule.describe().substring(1))).append(". ").append(spent).append(" runs of at most ")
                .append((long) rule.max() * rows.size()).append(".</p>");
        HtmlTable table = new HtmlTable()
                .caption("Seeds spent per arm and the " + Math.round(rule.confidence() * 100) + "% bootstrap interval of"
                        + " the median " + HtmlText.escape(rule.metric().name()), files.csv(AdaptiveArmsView.NAME, arms))
                .column("arm", false).column("seeds", true).column("ok", true).column("median", true)
                .column("low", true).column("high", true).column("width", true).column("stopped", false);
        for (ResultRow r : rows) {
            table.row(List.of(HtmlTable.text(r.string("arm")), HtmlTable.text(r.integer("seeds")),
                    HtmlTable.text(r.integer("ok")), HtmlTable.number(r.number("median")),
                    HtmlTable.number(r.number("ci_low")), HtmlTable.number(r.number("ci_high")),
                    HtmlTable.number(r.number("width")),
                    HtmlTable.text(r.string("stopped") == null ? "not yet" : r.string("stopped"))));
        }
        sb.append(table.render());
        return new Section(ID, TITLE, sb.toString());
    }
}
