package dev.anchorsweep.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Reads result files back with plain parquet-avro and compares them, column by column, with the row records. */
final class ParquetRows {

    private ParquetRows() {
    }

    static List<GenericRecord> read(java.nio.file.Path file) throws IOException {
        List<GenericRecord> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                HadoopInputFile.fromPath(new Path(file.toUri()), new Configuration())).build()) {
            for (GenericRecord row = reader.read(); row != null; row = reader.read()) rows.add(row);
        }
        return rows;
    }

    /**
     * Every component of {@code expected} equals the column of the same name in snake_case; no other columns but
     * schema_version and (where the table has it) commit_id.
     */
    static void assertSameRows(List<? extends Record> expected, List<GenericRecord> actual) {
        assertEquals(expected.size(), actual.size(), "row count");
        for (int i = 0; i < expected.size(); i++) assertSameRow(expected.get(i), actual.get(i));
    }

    static void assertSameRow(Record expected, GenericRecord actual) {
        Set<String> columns = new HashSet<>();
        for (Schema.Field field : actual.getSchema().getFields()) columns.add(field.name());
        Set<String> components = new HashSet<>(Set.of("schema_version"));
        if (columns.contains("commit_id")) components.add("commit_id");
        for (RecordComponent component : expected.getClass().getRecordComponents()) {
            String column = snakeCase(component.getName());
            components.add(column);
            Object value;
            try {
                value = component.getAccessor().invoke(expected);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            assertEquals(plain(value), plain(actual.get(column)), "column " + column + " of " + expected);
        }
        assertEquals(components, columns, "columns of " + expected.getClass().getSimpleName());
        assertEquals(SchemaVersion.CURRENT, actual.get("schema_version"));
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase();
    }

    /** Avro's Utf8, map and array types, Java's double arrays and the millis of timestamps, as plain Java values. */
    private static Object plain(Object value) {
        if (value instanceof CharSequence text) return text.toString();
        if (value instanceof Instant instant) return instant.toEpochMilli();
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new TreeMap<>();
            map.forEach((k, v) -> plain.put(k.toString(), plain(v)));
            return plain;
        }
        if (value instanceof List<?> list) return list.stream().map(ParquetRows::plain).toList();
        if (value instanceof double[] array) return java.util.Arrays.stream(array).boxed().toList();
        if (value instanceof double[][] array) return java.util.Arrays.stream(array).map(ParquetRows::plain).toList();
        return value;
    }
}
