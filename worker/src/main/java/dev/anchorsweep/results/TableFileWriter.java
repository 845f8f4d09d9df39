package dev.anchorsweep.results;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes one table's rows into one Parquet file; the Avro schema goes into the footer ({@code parquet.avro.schema}).
 * Settings chosen by measurement on per-run files (now one file per pack: up to ~500,000 rows, a few MB)
 * (CPU time to write a realistic run, 150 + 5,000 + 8,000 rows): ZSTD, one row group per file, 64 KiB pages,
 * dictionary encoding for everything but doubles.
 */
final class TableFileWriter {

    /** Supported by Spark, DuckDB and pyarrow; 5-8% smaller files than SNAPPY for ~10% more CPU time. */
    static final CompressionCodecName CODEC = CompressionCodecName.ZSTD;
    /** One or a few row groups per pack file, so a reader opens one footer and few chunks per column. */
    static final long ROW_GROUP_BYTES = 32L << 20;
    /** About one page per column for a run's file; 1 MiB pages (the default) cost 40% more CPU, 8 KiB pages 20%. */
    static final int PAGE_BYTES = 64 << 10;
    static final int DICTIONARY_PAGE_BYTES = 256 << 10;

    private final Configuration conf;

    TableFileWriter(Configuration base) {
        conf = new Configuration(base);
        // the standard 3-level LIST layout that Spark, DuckDB and pyarrow expect (parquet-avro's default is the legacy 2-level one)
        conf.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
    }

    <R> void write(ResultTable<R> table, OutputFile file, List<R> rows, String commitId) throws IOException {
        try (RowFileWriter<R> writer = open(table, commitId, file)) {
            for (R row : rows) writer.write(row);
        }
    }

    /**
     * A writer of {@code table}'s row records into {@code file}: the file parquet-avro would write (the same Parquet
     * schema, settings and footer metadata: the Avro schema and the writer model), the rows shredded straight into
     * the columns ({@link RowShredder}); {@code commitId} fills {@code commit_id}. The caller closes it.
     */
    <R> RowFileWriter<R> open(ResultTable<R> table, String commitId, OutputFile file) throws IOException {
        String checked = table.committedByPack() ? ColumnCheck.id("commit_id", commitId) : null;
        MessageType parquetSchema = new AvroSchemaConverter(conf).convert(table.schema());
        ParquetProperties.Builder props = ParquetProperties.builder()
                .withPageSize(PAGE_BYTES)
                .withDictionaryPageSize(DICTIONARY_PAGE_BYTES);
        for (String column : doubleColumns(table.schema())) props.withDictionaryEncoding(column, false);
        ParquetProperties properties = props.build();
        // as ParquetWriter.Builder: a codec factory per file, its buffers sized by the page size
        CodecFactory codecs = new CodecFactory(conf, properties.getPageSizeThreshold());
        return new RowFileWriter<>(new RowShredder<>(table, checked, parquetSchema), file, ParquetFileWriter.Mode.OVERWRITE,
                properties, codecs, CODEC, ROW_GROUP_BYTES, footer(table.schema()));
    }

    /**
     * The footer's key-value metadata as parquet-avro writes it, in its order: the Avro schema, then "avro" as the writer
     * model (parquet-hadoop's HashMap of these two keys iterates them so; {@code Map.of} would iterate them in an order
     * that changes from JVM to JVM, and then so would the file's bytes).
     */
    static Map<String, String> footer(Schema schema) {
        Map<String, String> footer = new LinkedHashMap<>();
        footer.put(AVRO_SCHEMA_KEY, schema.toString());
        footer.put(ParquetWriter.OBJECT_MODEL_NAME_PROP, "avro");
        return footer;
    }

    /** parquet-avro's footer key of the Avro schema ({@code AvroWriteSupport}'s, not public). */
    static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";

    /** A writer of Avro records of {@code schema} into {@code file}; the caller closes it (which writes the footer). */
    ParquetWriter<GenericRecord> open(Schema schema, OutputFile file) throws IOException {
        AvroParquetWriter.Builder<GenericRecord> builder = AvroParquetWriter.<GenericRecord>builder(file)
                .withConf(conf)
                .withSchema(schema)
                .withDataModel(GenericData.get())
                .withCompressionCodec(CODEC)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .withPageSize(PAGE_BYTES)
                .withDictionaryPageSize(DICTIONARY_PAGE_BYTES)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
        for (String column : doubleColumns(schema)) builder.withDictionaryEncoding(column, false);
        return builder.build();
    }

    /**
     * Parquet paths of the columns holding doubles, lists of doubles included (losses, outputs, the latents' colours and
     * vectors: nearly all values distinct, or a few repeated among thousands, so a dictionary costs ~20% of the write
     * time and saves nothing after compression).
     */
    static List<String> doubleColumns(Schema schema) {
        return schema.getFields().stream().map(field -> {
            Schema type = nonNull(field.schema());
            return switch (type.getType()) {
                case DOUBLE -> field.name();
                case ARRAY -> isDouble(type.getElementType()) ? field.name() + ".list.element"
                        : isDoubleList(type.getElementType()) ? field.name() + ".list.element.list.element" : null;
                case MAP -> isDouble(type.getValueType()) ? field.name() + ".key_value.value" : null;
                default -> null;
            };
        }).filter(path -> path != null).toList();
    }

    private static boolean isDoubleList(Schema schema) {
        Schema type = nonNull(schema);
        return type.getType() == Schema.Type.ARRAY && isDouble(type.getElementType());
    }

    private static boolean isDouble(Schema schema) {
        return nonNull(schema).getType() == Schema.Type.DOUBLE;
    }

    private static Schema nonNull(Schema schema) {
        return schema.isUnion() ? schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow() : schema;
    }
}
