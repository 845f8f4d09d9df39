package dev.anchorsweep.analysis.sql;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** How {@code deploy/sweep sql} prints a result. */
public enum ResultFormat {
    TABLE, CSV, JSON;

    /** Rows the terminal table shows; csv and json print every row. */
    public static final int TABLE_ROWS = 1_000;

    public String render(QueryResult result) {
        if (this == TABLE) return TextTable.render(result);
        StringWriter text = new StringWriter();
        try {
            write(result.columns(), result.rows().iterator(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /**
     * Prints a query's rows. The table collects the first {@value #TABLE_ROWS} rows (it aligns its columns over them);
     * csv and json stream every row as Spark hands it over, one partition at a time ({@link Dataset#toLocalIterator}),
     * so the driver holds at most one partition whatever the result's size.
     */
    public void print(Dataset<Row> rows, Writer out) throws IOException {
        if (this == TABLE) {
            out.write(TextTable.render(QueryResult.of(rows, TABLE_ROWS)));
        } else {
            List<String> columns = Arrays.stream(rows.schema().fields()).map(StructField::name).toList();
            write(columns, values(rows.toLocalIterator()), out);
        }
        out.flush();
    }

    private void write(List<String> columns, Iterator<List<Object>> rows, Writer out) throws IOException {
        switch (this) {
            case CSV -> CsvText.write(columns, rows, out);
            case JSON -> JsonRows.write(columns, rows, out);
            case TABLE -> throw new IllegalStateException("the table is rendered from collected rows");
        }
    }

    private static Iterator<List<Object>> values(Iterator<Row> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public List<Object> next() {
                Row row = rows.next();
                List<Object> values = new ArrayList<>(row.length());
                for (int i = 0; i < row.length(); i++) values.add(row.get(i));
                return values;
            }
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
