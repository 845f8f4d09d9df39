package dev.anchorsweep.analysis.sql;

import org.apache.spark.sql.Row;
import scala.collection.Iterator;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Spark SQL value as plain Java: arrays become lists, maps and structs become ordered maps, timestamps become ISO-8601
 * strings; numbers, strings, booleans and nulls stay as they are.
 */
public final class CellValue {

    private CellValue() {
    }

    public static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof String || value instanceof Boolean) return value;
        if (value instanceof Timestamp t) return t.toInstant().toString();
        if (value instanceof Instant i) return i.toString();
        if (value instanceof Date d) return d.toLocalDate().toString();
        if (value instanceof LocalDate d) return d.toString();
        if (value instanceof byte[] bytes) return java.util.Base64.getEncoder().encodeToString(bytes);
        if (value instanceof scala.collection.Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            Iterator<? extends scala.Tuple2<?, ?>> it = map.iterator();
            while (it.hasNext()) {
                scala.Tuple2<?, ?> e = it.next();
                out.put(String.valueOf(plain(e._1())), plain(e._2()));
            }
            return out;
        }
        if (value instanceof scala.collection.Iterable<?> seq) {
            List<Object> out = new ArrayList<>();
            Iterator<?> it = seq.iterator();
            while (it.hasNext()) out.add(plain(it.next()));
            return out;
        }
        if (value instanceof Row row) {
            Map<String, Object> out = new LinkedHashMap<>();
            String[] names = row.schema() == null ? null : row.schema().fieldNames();
            for (int i = 0; i < row.length(); i++) out.put(names == null ? "_" + (i + 1) : names[i], plain(row.get(i)));
            return out;
        }
        return value.toString();
    }

    /** The value as text: full precision for numbers, JSON-like for lists and maps, empty for null. */
    public static String text(Object value) {
        Object plain = plain(value);
        if (plain == null) return "";
        if (plain instanceof List<?> || plain instanceof Map<?, ?>) return JsonRows.toJson(plain);
        return plain.toString();
    }
}
