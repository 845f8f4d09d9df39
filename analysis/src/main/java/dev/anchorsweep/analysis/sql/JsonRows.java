package dev.anchorsweep.analysis.sql;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A query result as a JSON array of objects, one per row, keyed by column name. */
public final class JsonRows {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private JsonRows() {
    }

    /** Rows are written as they come, each as soon as it is read; the target is flushed, not closed. */
    private static final ObjectWriter ARRAY = JSON.writerWithDefaultPrettyPrinter()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    public static String render(QueryResult result) {
        StringWriter text = new StringWriter();
        try {
            write(result.columns(), result.rows().iterator(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** Writes the rows as one JSON array, streaming: each row is written as it comes, and none is kept. */
    public static void write(List<String> columns, Iterator<List<Object>> rows, Writer out) throws IOException {
        try (SequenceWriter array = ARRAY.writeValuesAsArray(out)) {
            while (rows.hasNext()) {
                List<Object> row = rows.next();
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) object.put(columns.get(i), jsonSafe(CellValue.plain(row.get(i))));
                array.write(object);
            }
        }
        out.write("\n");
        out.flush();
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
