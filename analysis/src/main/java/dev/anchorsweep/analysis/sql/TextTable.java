package dev.anchorsweep.analysis.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A query result as an aligned text table for the terminal: numbers right-aligned with up to 6 significant digits,
 * long cells cut at {@value #MAX_CELL} characters (the csv and json formats keep everything).
 */
public final class TextTable {

    static final int MAX_CELL = 60;

    private TextTable() {
    }

    public static String render(QueryResult result) {
        int n = result.columns().size();
        List<String[]> cells = new ArrayList<>();
        boolean[] numeric = new boolean[n];
        java.util.Arrays.fill(numeric, true);
        for (List<Object> row : result.rows()) {
            String[] line = new String[n];
            for (int i = 0; i < n; i++) {
                Object v = row.get(i);
                if (v != null && !(v instanceof Number)) numeric[i] = false;
                line[i] = cell(v);
            }
            cells.add(line);
        }
        int[] width = new int[n];
        for (int i = 0; i < n; i++) width[i] = result.columns().get(i).length();
        for (String[] line : cells) for (int i = 0; i < n; i++) width[i] = Math.max(width[i], line[i].length());

        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) pad(sb, result.columns().get(i), width[i], numeric[i], i == n - 1);
        sb.append('\n');
        for (int i = 0; i < n; i++) sb.append(i > 0 ? "  " : "").append("-".repeat(width[i]));
        sb.append('\n');
        for (String[] line : cells) {
            for (int i = 0; i < n; i++) pad(sb, line[i], width[i], numeric[i], i == n - 1);
            sb.append('\n');
        }
        sb.append('(').append(result.rows().size()).append(result.rows().size() == 1 ? " row" : " rows");
        if (result.truncated()) sb.append(" shown; the query has more: add a LIMIT, or use --format csv for all rows");
        sb.append(")\n");
        return sb.toString();
    }

    private static void pad(StringBuilder sb, String text, int width, boolean right, boolean last) {
        String gap = " ".repeat(width - text.length());
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') sb.append("  ");
        if (right) sb.append(gap).append(text);
        else sb.append(text).append(last ? "" : gap);
    }

    static String cell(Object value) {
        if (value == null) return "NULL";
        String text;
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            text = d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d)
                    : String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e");
        } else {
            text = CellValue.text(value).replace('\n', ' ');
        }
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
    }
}
