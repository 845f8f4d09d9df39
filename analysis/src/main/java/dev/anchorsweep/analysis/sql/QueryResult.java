package dev.anchorsweep.analysis.sql;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a query, collected: column names and values as Spark returns them (Java boxed numbers, strings,
 * Scala collections for arrays and maps). {@code truncated} says that the query had more rows than were kept.
 */
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated) {

    public static final int ALL_ROWS = Integer.MAX_VALUE;

    public static QueryResult of(Dataset<Row> dataset, int maxRows) {
        List<String> columns = Arrays.stream(dataset.schema().fields()).map(StructField::name).toList();
        List<Row> collected = maxRows == ALL_ROWS ? dataset.collectAsList() : dataset.limit(maxRows + 1).collectAsList();
        boolean truncated = collected.size() > maxRows;
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : truncated ? collected.subList(0, maxRows) : collected) {
            List<Object> values = new ArrayList<>(row.length());
            for (int i = 0; i < row.length(); i++) values.add(row.get(i));
            rows.add(values);
        }
        return new QueryResult(columns, rows, truncated);
    }

    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no column '" + name + "' in " + columns);
        return i;
    }
}
