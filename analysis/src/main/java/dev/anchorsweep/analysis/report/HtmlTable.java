package dev.anchorsweep.analysis.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An HTML table of already formatted cells. Numeric columns are right-aligned; a cell may carry a CSS class and a
 * style (e.g. a heat tint); the caption links to the table's CSV.
 */
public final class HtmlTable {

    /** A cell: its HTML content (escaped by the caller or by {@link #text}), class and inline style. */
    public record Cell(String html, String cssClass, String style) {
    }

    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> numeric = new ArrayList<>();
    private final List<List<Cell>> rows = new ArrayList<>();
    private final List<String> rowClasses = new ArrayList<>();
    private String caption;
    private String csv;
    private String cssClass = "data";

    public HtmlTable column(String header, boolean isNumeric) {
        headers.add(header);
        numeric.add(isNumeric);
        return this;
    }

    public HtmlTable caption(String html, String csvPath) {
        this.caption = html;
        this.csv = csvPath;
        return this;
    }

    public HtmlTable cssClass(String value) {
        this.cssClass = value;
        return this;
    }

    public HtmlTable row(List<Cell> cells) {
        return row(cells, null);
    }

    public HtmlTable row(List<Cell> cells, String rowClass) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("a row needs one cell per column (" + headers.size() + "), but got "
                    + cells.size());
        }
        rows.add(cells);
        rowClasses.add(rowClass);
        return this;
    }

    public static Cell text(Object value) {
        return new Cell(HtmlText.escape(value), null, null);
    }

    public static Cell number(Double value) {
        return new Cell(HtmlText.escape(SignificantDigits.format(value)), null, null);
    }

    public static Cell html(String html) {
        return new Cell(html, null, null);
    }

    public static Cell styled(String html, String cssClass, String style) {
        return new Cell(html, cssClass, style);
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("<div class=\"table-wrap\"><table class=\"").append(cssClass).append("\">");
        if (caption != null || csv != null) {
            sb.append("<caption>").append(caption == null ? "" : caption);
            if (csv != null) sb.append(" <a class=\"csv\" href=\"").append(HtmlText.escape(csv)).append("\">CSV</a>");
            sb.append("</caption>");
        }
        sb.append("<thead><tr>");
        for (int i = 0; i < headers.size(); i++) {
            sb.append(numeric.get(i) ? "<th class=\"num\">" : "<th>").append(headers.get(i)).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (int r = 0; r < rows.size(); r++) {
            String rc = rowClasses.get(r);
            sb.append(rc == null ? "<tr>" : "<tr class=\"" + rc + "\">");
            List<Cell> cells = rows.get(r);
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                String cls = (numeric.get(i) ? "num" : "") + (c.cssClass() == null ? "" : " " + c.cssClass());
                sb.append("<td");
                if (!cls.isBlank()) sb.append(" class=\"").append(cls.strip()).append('"');
                if (c.style() != null) sb.append(" style=\"").append(c.style()).append('"');
                sb.append('>').append(c.html()).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table></div>");
        return sb.toString();
    }
}
