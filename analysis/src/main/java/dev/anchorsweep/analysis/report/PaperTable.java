package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The paper's per-colour table for one best run (report/paper_table.sql): named colours down, baseline and each
 * intervention across, cells tinted by error (full tint at {@value #FULL_TINT}, about ablated red's ⅓).
 */
public final class PaperTable {

    static final double FULL_TINT = 0.35;

    private PaperTable() {
    }

    public static String render(QueryResult pivot, String arm, List<String> interventions, List<ColorOutcome> colors,
                                String csv) {
        HtmlTable table = new HtmlTable().cssClass("data paper").column("colour", false).column("similarity", true);
        for (String i : interventions) table.column(Chips.chip(i), true);
        table.caption("Per-colour error of the best run (mean squared error over r, g, b; reconstruction clamped); "
                + "<b>bold</b>: the concept colour, ·: off-target (similarity 0)", csv);
        for (ResultRow row : ResultRow.all(pivot)) {
            if (!arm.equals(row.string("arm"))) continue;
            String name = row.string("color_name");
            String dot = colors.stream().filter(c -> c.name().equals(name)).findFirst()
                    .map(c -> Chips.colorDot(c.trueCss())).orElse("");
            List<HtmlTable.Cell> cells = new ArrayList<>();
            cells.add(HtmlTable.html(dot + HtmlText.escape(name)));
            cells.add(HtmlTable.number(row.number("similarity")));
            for (String i : interventions) {
                Double e = row.number(i);
                cells.add(HtmlTable.styled(HtmlText.escape(SignificantDigits.format(e)), null, tint(e)));
            }
            Double similarity = row.number("similarity");
            String rowClass = similarity != null && similarity >= 0.999 ? "concept"
                    : similarity != null && similarity < 1e-12 ? "off-target" : null;
            table.row(cells, rowClass);
        }
        return table.render();
    }

    static String tint(Double error) {
        if (error == null || error <= 0) return null;
        double alpha = Math.min(1, error / FULL_TINT) * 0.75;
        if (alpha < 0.02) return null;
        return String.format(Locale.ROOT, "background:rgba(214,39,40,%.3f)", alpha);
    }
}
