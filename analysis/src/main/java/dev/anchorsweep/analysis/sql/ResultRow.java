package dev.anchorsweep.analysis.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One row of a {@link QueryResult}, read by column name as plain Java values. */
public record ResultRow(QueryResult result, int index) {

    public static List<ResultRow> all(QueryResult result) {
        List<ResultRow> rows = new ArrayList<>(result.rows().size());
        for (int i = 0; i < result.rows().size(); i++) rows.add(new ResultRow(result, i));
        return rows;
    }

    public Object get(String column) {
        return CellValue.plain(result.rows().get(index).get(result.column(column)));
    }

    public String string(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    public Double number(String column) {
        Object v = get(column);
        if (v == null) return null;
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalStateException("column '" + column + "' should hold a number, but holds " + v);
    }

    public long integer(String column) {
        Double v = number(column);
        if (v == null) throw new IllegalStateException("column '" + column + "' is null in row " + index);
        return v.longValue();
    }

    public boolean flag(String column) {
        return Boolean.TRUE.equals(get(column));
    }

    /** An array column as doubles; null stays null. */
    public double[] doubles(String column) {
        Object v = get(column);
        if (v == null) return null;
        List<?> list = (List<?>) v;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) list.get(i)).doubleValue();
        return out;
    }

    public List<String> strings(String column) {
        Object v = get(column);
        if (v == null) return List.of();
        return ((List<?>) v).stream().map(String::valueOf).toList();
    }

    /** A map column with numeric values, keys in the stored order. */
    public Map<String, Double> numbers(String column) {
        Object v = get(column);
        Map<String, Double> out = new LinkedHashMap<>();
        if (v == null) return out;
        ((Map<?, ?>) v).forEach((k, x) -> out.put(String.valueOf(k), x == null ? null : ((Number) x).doubleValue()));
        return out;
    }

    public Map<String, String> texts(String column) {
        Object v = get(column);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) return out;
        ((Map<?, ?>) v).forEach((k, x) -> out.put(String.valueOf(k), x == null ? null : String.valueOf(x)));
        return out;
    }
}
