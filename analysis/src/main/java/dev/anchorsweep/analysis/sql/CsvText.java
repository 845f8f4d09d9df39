package dev.anchorsweep.analysis.sql;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;

/** A query result as RFC 4180 CSV: a header line, then one line per row; fields quoted when they need it. */
public final class CsvText {

    private CsvText() {
    }

    public static String render(QueryResult result) {
        StringWriter text = new StringWriter();
        try {
            write(result.columns(), result.rows().iterator(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** Writes the header and then each row as it comes, holding none of them. */
    public static void write(List<String> columns, Iterator<List<Object>> rows, Writer out) throws IOException {
        line(out, columns);
        while (rows.hasNext()) line(out, rows.next().stream().map(CellValue::text).toList());
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(field(fields.get(i)));
        }
        sb.append('\n');
        out.write(sb.toString());
    }

    static String field(String value) {
        if (value.isEmpty()) return value;
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1));
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
