package dev.anchorsweep.results;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Shreds a table's row records straight into Parquet column writers: each value is written to its leaf column with
 * the repetition and definition levels of its place in the row, computed once per column from the Parquet schema
 * (parquet-avro's conversion of the table's Avro schema, 3-level lists and maps). It handles the column kinds the
 * tables use: primitives, lists of primitives, lists of lists of doubles, maps of strings to primitives, each optional
 * or not. The values come from the table's one mapping ({@link ResultTable.Columns}); their order does not matter.
 * One per file; not thread-safe.
 */
final class RowShredder<R> {

    /** How a column's values are written, resolved once from its Avro field. */
    private enum Kind { STRING, INT, LONG, DOUBLE, BOOLEAN, LIST, MAP }

    /**
     * One top-level column. Definition levels: {@code present} of a value (a primitive, a list element, a map value,
     * an inner list's element), {@code empty} of an empty list or map (the column's own level), {@code elementNull} of
     * a null list element or map value (-1: not allowed), {@code innerEmpty}/{@code innerNull} of an empty/null inner
     * list of a list of lists.
     *
     * @param element the kind of a list's elements or a map's values; @param inner that of a list of lists' inner elements
     */
    private record Column(String name, int index, Kind kind, boolean optional, Kind element, Kind inner,
                          ColumnDescriptor leaf, ColumnDescriptor value,
                          int present, int empty, int elementNull, int innerEmpty, int innerNull) {
    }

    private final ResultTable<R> table;
    private final String commitId;
    private final MessageType parquetSchema;
    private final Column[] columns;
    private final Map<String, Integer> indexOf;
    private final Object[] values;
    /** Per column its leaf's writer (the keys' for a map) and a map's values' writer, bound per row group. */
    private final ColumnWriter[] leaves;
    private final ColumnWriter[] mapValues;
    /**
     * The column names in the order the mapping put them on the last row and their indexes: the mapping puts the same
     * literal names in the same order on every row, so a reference comparison finds the index without a map look-up.
     */
    private final String[] putNames;
    private final int[] putIndexes;
    private int puts;
    /** Per column, the last string written and its bytes: ids, set and intervention names repeat row after row. */
    private final String[] lastString;
    private final Binary[] lastBinary;

    /** @param parquetSchema parquet-avro's conversion of {@code table}'s Avro schema */
    RowShredder(ResultTable<R> table, String commitId, MessageType parquetSchema) {
        this.table = table;
        this.commitId = commitId;
        this.parquetSchema = parquetSchema;
        List<Schema.Field> fields = table.schema().getFields();
        columns = new Column[fields.size()];
        HashMap<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.length; i++) {
            columns[i] = column(fields.get(i), i);
            index.put(columns[i].name(), i);
        }
        indexOf = Map.copyOf(index);
        values = new Object[columns.length];
        leaves = new ColumnWriter[columns.length];
        mapValues = new ColumnWriter[columns.length];
        putNames = new String[columns.length];
        putIndexes = new int[columns.length];
        lastString = new String[columns.length];
        lastBinary = new Binary[columns.length];
    }

    MessageType parquetSchema() {
        return parquetSchema;
    }

    /** Writes the following rows into {@code store}'s column writers (a new store per row group). */
    void bind(ColumnWriteStore store) {
        for (Column c : columns) {
            leaves[c.index()] = store.getColumnWriter(c.leaf());
            mapValues[c.index()] = c.value() == null ? null : store.getColumnWriter(c.value());
        }
    }

    /** Writes the row's values into the bound column writers; the caller ends the record on the store. */
    void write(R row) {
        Arrays.fill(values, null);
        puts = 0;
        table.columns(row, commitId, this::put);
        for (Column c : columns) {
            Object v = values[c.index()];
            ColumnWriter w = leaves[c.index()];
            if (v == null) {
                if (!c.optional()) {
                    throw new IllegalArgumentException("table " + table.name() + ": column " + c.name() + " must not be null");
                }
                w.writeNull(0, 0);
                if (c.kind() == Kind.MAP) mapValues[c.index()].writeNull(0, 0);
                continue;
            }
            switch (c.kind()) {
                case LIST -> list(c, w, v);
                case MAP -> map(c, w, mapValues[c.index()], (Map<?, ?>) v);
                case STRING -> w.write(binary(c.index(), (String) v), 0, c.present());
                default -> value(w, c.kind(), v, 0, c.present());
            }
        }
    }

    private void put(String column, Object value) {
        int k = puts++;
        if (k < putNames.length && putNames[k] == column) {
            values[putIndexes[k]] = value;
            return;
        }
        Integer i = indexOf.get(column);
        if (i == null) throw new IllegalArgumentException("table " + table.name() + " has no column " + column);
        if (k < putNames.length) {
            putNames[k] = column;
            putIndexes[k] = i;
        }
        values[i] = value;
    }

    private void value(ColumnWriter w, Kind kind, Object v, int r, int d) {
        switch (kind) {
            case STRING -> w.write(Binary.fromString((String) v), r, d);
            case INT -> w.write(((Number) v).intValue(), r, d);
            case LONG -> w.write(((Number) v).longValue(), r, d);
            case DOUBLE -> w.write(((Number) v).doubleValue(), r, d);
            case BOOLEAN -> w.write((boolean) (Boolean) v, r, d);
            default -> throw new IllegalStateException("nested " + kind + " in table " + table.name());
        }
    }

    /**
     * A list: its elements at repetition level 0 (the first) then 1; an empty list writes one null at the column's own
     * definition level. The value is a {@link List}, or a {@code double[]} (a {@code double[][]} for a list of lists of
     * doubles), written without boxing.
     */
    private void list(Column c, ColumnWriter w, Object list) {
        if (list instanceof double[] && c.element() != Kind.DOUBLE || list instanceof double[][] && c.inner() != Kind.DOUBLE) {
            throw new IllegalArgumentException("table " + table.name() + ": a " + list.getClass().getSimpleName()
                    + " given for a list of " + (c.element() == Kind.LIST ? "lists of " + c.inner() : c.element()));
        }
        if (list instanceof double[] a) {
            doubles(w, a, 0, 1, c.present(), c.empty());
            return;
        }
        if (list instanceof double[][] a) {
            if (a.length == 0) {
                w.writeNull(0, c.empty());
                return;
            }
            for (int i = 0; i < a.length; i++) inner(c, w, a[i], i == 0 ? 0 : 1);
            return;
        }
        List<?> elements = (List<?>) list;
        if (elements.isEmpty()) {
            w.writeNull(0, c.empty());
            return;
        }
        int r = 0;
        for (Object e : elements) {
            if (c.element() == Kind.LIST) inner(c, w, e, r);
            else if (e == null) elementNull(c, w, r);
            else value(w, c.element(), e, r, c.present());
            r = 1;
        }
    }

    /** An inner list of a list of lists, its first element at {@code r} (that of its place in the outer list), then 2. */
    private void inner(Column c, ColumnWriter w, Object list, int r) {
        if (list == null) {
            elementNull(c, w, r);
            return;
        }
        if (list instanceof double[] a) {
            doubles(w, a, r, 2, c.present(), c.innerEmpty());
            return;
        }
        List<?> elements = (List<?>) list;
        if (elements.isEmpty()) {
            w.writeNull(r, c.innerEmpty());
            return;
        }
        for (Object e : elements) {
            if (e == null) {
                if (c.innerNull() < 0) throw new IllegalArgumentException(nullElement(c));
                w.writeNull(r, c.innerNull());
            } else {
                value(w, c.inner(), e, r, c.present());
            }
            r = 2;
        }
    }

    /**
     * A list of doubles, without boxing: its first element at repetition level {@code first}, the others at
     * {@code next}; an empty one writes one null at definition level {@code empty}.
     */
    private static void doubles(ColumnWriter w, double[] a, int first, int next, int present, int empty) {
        if (a.length == 0) {
            w.writeNull(first, empty);
            return;
        }
        w.write(a[0], first, present);
        for (int i = 1; i < a.length; i++) w.write(a[i], next, present);
    }

    private void elementNull(Column c, ColumnWriter w, int r) {
        if (c.elementNull() < 0) throw new IllegalArgumentException(nullElement(c));
        w.writeNull(r, c.elementNull());
    }

    private String nullElement(Column c) {
        return "table " + table.name() + ": column " + c.name() + " must not hold null elements";
    }

    /** A map: a key and a value per entry, at repetition level 0 (the first entry) then 1. */
    private void map(Column c, ColumnWriter keys, ColumnWriter values, Map<?, ?> map) {
        if (map.isEmpty()) {
            keys.writeNull(0, c.empty());
            values.writeNull(0, c.empty());
            return;
        }
        int r = 0;
        int keyLevel = c.empty() + 1;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            keys.write(Binary.fromString(e.getKey().toString()), r, keyLevel);
            if (e.getValue() == null) elementNull(c, values, r);
            else value(values, c.element(), e.getValue(), r, c.present());
            r = 1;
        }
    }

    private Binary binary(int column, String s) {
        if (!s.equals(lastString[column])) {
            lastString[column] = s;
            lastBinary[column] = Binary.fromString(s);
        }
        return lastBinary[column];
    }

    /** The column of {@code field}: its kinds from the Avro schema, its leaves and levels from the Parquet schema. */
    private Column column(Schema.Field field, int index) {
        Schema type = field.schema();
        boolean optional = type.isUnion();
        Schema value = nonNull(type);
        Kind kind = kind(value);
        Type parquet = parquetSchema.getType(field.name());
        int own = optional ? 1 : 0; // definition level of the column's value (0: required)
        String name = field.name();
        return switch (kind) {
            case LIST -> {
                Kind element = kind(nonNull(value.getElementType()));
                // group (LIST) { repeated group list { element } }
                GroupType repeated = parquet.asGroupType().getType(0).asGroupType();
                Type elementType = repeated.getType(0);
                int elementLevel = own + 1 + defined(elementType);
                int elementNull = elementType.isRepetition(Type.Repetition.OPTIONAL) ? own + 1 : -1;
                if (element != Kind.LIST) {
                    ColumnDescriptor leaf = leaf(name, repeated.getName(), elementType.getName());
                    yield new Column(name, index, kind, optional, element, null, leaf, null,
                            checked(leaf, elementLevel), own, elementNull, -1, -1);
                }
                Kind inner = kind(nonNull(nonNull(value.getElementType()).getElementType()));
                GroupType innerRepeated = elementType.asGroupType().getType(0).asGroupType();
                Type innerType = innerRepeated.getType(0);
                int innerLevel = elementLevel + 1 + defined(innerType);
                int innerNull = innerType.isRepetition(Type.Repetition.OPTIONAL) ? elementLevel + 1 : -1;
                ColumnDescriptor leaf = leaf(name, repeated.getName(), elementType.getName(), innerRepeated.getName(), innerType.getName());
                yield new Column(name, index, kind, optional, element, inner, leaf, null,
                        checked(leaf, innerLevel), own, elementNull, elementLevel, innerNull);
            }
            case MAP -> {
                // group (MAP) { repeated group key_value { required key; value } }
                GroupType entry = parquet.asGroupType().getType(0).asGroupType();
                Type valueType = entry.getType(1);
                ColumnDescriptor keys = leaf(name, entry.getName(), entry.getType(0).getName());
                ColumnDescriptor values = leaf(name, entry.getName(), valueType.getName());
                checked(keys, own + 1);
                int elementNull = valueType.isRepetition(Type.Repetition.OPTIONAL) ? own + 1 : -1;
                yield new Column(name, index, kind, optional, kind(nonNull(value.getValueType())), null, keys, values,
                        checked(values, own + 1 + defined(valueType)), own, elementNull, -1, -1);
            }
            default -> new Column(name, index, kind, optional, null, null, leaf(name), null,
                    checked(leaf(name), own), -1, -1, -1, -1);
        };
    }

    private ColumnDescriptor leaf(String... path) {
        return parquetSchema.getColumnDescription(path);
    }

    private static int defined(Type type) {
        return type.isRepetition(Type.Repetition.REQUIRED) ? 0 : 1;
    }

    /** The level computed for a value of the column is the schema's maximum: the shredding follows the schema. */
    private static int checked(ColumnDescriptor leaf, int level) {
        if (leaf.getMaxDefinitionLevel() != level) {
            throw new IllegalStateException("column " + String.join(".", leaf.getPath()) + " has maximum definition level "
                    + leaf.getMaxDefinitionLevel() + ", but its values were to be written at " + level);
        }
        return level;
    }

    private static Kind kind(Schema s) {
        return switch (s.getType()) {
            case STRING -> Kind.STRING;
            case INT -> Kind.INT;
            case LONG -> Kind.LONG;
            case DOUBLE -> Kind.DOUBLE;
            case BOOLEAN -> Kind.BOOLEAN;
            case ARRAY -> Kind.LIST;
            case MAP -> Kind.MAP;
            default -> throw new IllegalArgumentException("unsupported column type " + s);
        };
    }

    private static Schema nonNull(Schema schema) {
        return schema.isUnion() ? schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow() : schema;
    }
}
