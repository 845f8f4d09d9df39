package dev.anchorsweep.analysis.sql;

import java.util.List;

/** A query result as RFC 4180 CSV: a header line, then one line per row; fields quoted when they need it. */
public final class CsvText {

    private CsvText() {
    }

    public static String render(QueryResult result) {
        StringBuilder sb = new StringBuilder();
        line(sb, result.columns());
        for (List<Object> row : result.rows()) line(sb, row.stream().map(CellValue::text).toList());
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(field(fields.get(i)));
        }
        sb.append('\n');
    }

    static String field(String value) {
        if (value.isEmpty()) return value;
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1));
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
