package dev.anchorsweep.analysis.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A query result as a JSON array of objects, one per row, keyed by column name. */
public final class JsonRows {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private JsonRows() {
    }

    public static String render(QueryResult result) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < result.columns().size(); i++) {
                object.put(result.columns().get(i), jsonSafe(CellValue.plain(row.get(i))));
            }
            rows.add(object);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the query result as JSON: " + e.getMessage(), e);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(jsonSafe(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON: " + e.getMessage(), e);
        }
    }

    /** NaN and infinities have no JSON number: they are written as strings. */
    private static Object jsonSafe(Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) return d.toString();
        if (value instanceof Float f && (f.isNaN() || f.isInfinite())) return f.toString();
        if (value instanceof List<?> list) return list.stream().map(JsonRows::jsonSafe).toList();
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, jsonSafe(v)));
            return out;
        }
        return value;
    }
}
