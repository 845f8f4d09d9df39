package dev.anchorsweep.results;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes a table's row records straight into Parquet: the same Parquet schema (parquet-avro's conversion of the
 * table's Avro schema, 3-level lists) and the same footer (the Avro schema under {@code parquet.avro.schema}) as
 * parquet-avro's {@link AvroWriteSupport}, so every reader (Spark, DuckDB, parquet-avro) sees the same file, but without
 * building an Avro record per row and resolving its schema per value, which cost more than half of a commit's CPU time.
 * The column values come from the table's one mapping ({@link ResultTable.Columns}); their order does not matter.
 */
final class RowWriteSupport<R> extends WriteSupport<R> {

    /** How a column's values are written, resolved once from its Avro field. */
    private enum Kind { STRING, INT, LONG, DOUBLE, BOOLEAN, LIST, MAP }

    /** @param element the kind of a list's elements or a map's values; @param inner that of a list of lists' inner elements */
    private record Column(String name, int index, Kind kind, boolean optional, Kind element, Kind inner, Type type) {
    }

    private final ResultTable<R> table;
    private final String commitId;
    private final MessageType parquetSchema;
    private final Column[] columns;
    private final Map<String, Integer> indexOf;
    private final Object[] values;
    /**
     * The column names in the order the mapping put them on the last row and their indexes: the mapping puts the same
     * literal names in the same order on every row, so a reference comparison finds the index without a map look-up.
     */
    private final String[] putNames;
    private final int[] putIndexes;
    private int puts;
    private RecordConsumer out;
    /** Per column, the last string written and its bytes: ids, set and intervention names repeat row after row. */
    private final String[] lastString;
    private final Binary[] lastBinary;

    RowWriteSupport(ResultTable<R> table, String commitId, Configuration conf) {
        this.table = table;
        this.commitId = commitId;
        Schema schema = table.schema();
        this.parquetSchema = new AvroSchemaConverter(conf).convert(schema);
        List<Schema.Field> fields = schema.getFields();
        columns = new Column[fields.size()];
        java.util.HashMap<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < columns.length; i++) {
            Schema.Field f = fields.get(i);
            Schema type = f.schema();
            boolean optional = type.isUnion();
            Schema value = nonNull(type);
            Kind kind = kind(value);
            Kind element = switch (kind) {
                case LIST -> kind(nonNull(value.getElementType()));
                case MAP -> kind(nonNull(value.getValueType()));
                default -> null;
            };
            Kind inner = kind == Kind.LIST && element == Kind.LIST
                    ? kind(nonNull(nonNull(value.getElementType()).getElementType())) : null;
            columns[i] = new Column(f.name(), i, kind, optional, element, inner, parquetSchema.getType(f.name()));
            index.put(f.name(), i);
        }
        indexOf = Map.copyOf(index);
        values = new Object[columns.length];
        putNames = new String[columns.length];
        putIndexes = new int[columns.length];
        lastString = new String[columns.length];
        lastBinary = new Binary[columns.length];
    }

    @Override
    public String getName() {
        return "avro"; // the footer's writer.model.name, as parquet-avro writes it
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return init(new HadoopParquetConfiguration(configuration));
    }

    @Override
    public WriteContext init(org.apache.parquet.conf.ParquetConfiguration configuration) {
        return new WriteContext(parquetSchema, Map.of("parquet.avro.schema", table.schema().toString()));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        out = recordConsumer;
    }

    @Override
    public void write(R row) {
        java.util.Arrays.fill(values, null);
        puts = 0;
        table.columns(row, commitId, this::put);
        out.startMessage();
        for (Column c : columns) {
            Object v = values[c.index()];
            if (v == null) {
                if (!c.optional()) {
                    throw new IllegalArgumentException("table " + table.name() + ": column " + c.name() + " must not be null");
                }
                continue;
            }
            out.startField(c.name(), c.index());
            switch (c.kind()) {
                case LIST -> list(c, v);
                case MAP -> map(c, (Map<?, ?>) v);
                case STRING -> out.addBinary(binary(c.index(), (String) v));
                default -> value(c.kind(), v);
            }
            out.endField(c.name(), c.index());
        }
        out.endMessage();
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

    private void value(Kind kind, Object v) {
        switch (kind) {
            case STRING -> out.addBinary(Binary.fromString((String) v));
            case INT -> out.addInteger(((Number) v).intValue());
            case LONG -> out.addLong(((Number) v).longValue());
            case DOUBLE -> out.addDouble(((Number) v).doubleValue());
            case BOOLEAN -> out.addBoolean((Boolean) v);
            default -> throw new IllegalStateException("nested " + kind + " in table " + table.name());
        }
    }

    /**
     * {@code group (LIST) { repeated group list { element } }}; an empty list writes no repeated group. The value is a
     * {@link List}, or a {@code double[]} (a {@code double[][]} for a list of lists of doubles), written without boxing.
     */
    private void list(Column c, Object list) {
        list(c.type().asGroupType(), c.element(), c.inner(), list);
    }

    /** @param inner the element kind of the inner lists, where {@code element} is {@code LIST} */
    private void list(GroupType type, Kind element, Kind inner, Object list) {
        GroupType repeated = type.getType(0).asGroupType();
        Type elementType = repeated.getType(0);
        String elementName = elementType.getName();
        if (list instanceof double[] && element != Kind.DOUBLE || list instanceof double[][] && inner != Kind.DOUBLE) {
            throw new IllegalArgumentException("table " + table.name() + ": a " + list.getClass().getSimpleName()
                    + " given for a list of " + (element == Kind.LIST ? "lists of " + inner : element));
        }
        int size = list instanceof double[] a ? a.length : list instanceof double[][] a ? a.length : ((List<?>) list).size();
        out.startGroup();
        if (size > 0) {
            out.startField(repeated.getName(), 0);
            if (list instanceof double[] a) {
                for (double e : a) {
                    out.startGroup();
                    out.startField(elementName, 0);
                    out.addDouble(e);
                    out.endField(elementName, 0);
                    out.endGroup();
                }
            } else {
                for (Object e : list instanceof double[][] a ? Arrays.asList((Object[]) a) : (List<?>) list) {
                    out.startGroup();
                    out.startField(elementName, 0);
                    if (element == Kind.LIST) list(elementType.asGroupType(), inner, null, e);
                    else value(element, e);
                    out.endField(elementName, 0);
                    out.endGroup();
                }
            }
            out.endField(repeated.getName(), 0);
        }
        out.endGroup();
    }

    /** {@code group (MAP) { repeated group key_value { key, value } }}. */
    private void map(Column c, Map<?, ?> map) {
        GroupType repeated = c.type().asGroupType().getType(0).asGroupType();
        String key = repeated.getType(0).getName();
        String value = repeated.getType(1).getName();
        out.startGroup();
        if (!map.isEmpty()) {
            out.startField(repeated.getName(), 0);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.startGroup();
                out.startField(key, 0);
                out.addBinary(Binary.fromString(e.getKey().toString()));
                out.endField(key, 0);
                out.startField(value, 1);
                value(c.element(), e.getValue());
                out.endField(value, 1);
                out.endGroup();
            }
            out.endField(repeated.getName(), 0);
        }
        out.endGroup();
    }

    private Binary binary(int column, String s) {
        if (!s.equals(lastString[column])) {
            lastString[column] = s;
            lastBinary[column] = Binary.fromString(s);
        }
        return lastBinary[column];
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
