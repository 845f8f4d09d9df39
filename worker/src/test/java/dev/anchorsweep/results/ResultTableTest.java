package dev.anchorsweep.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {

    @Test
    void everySchemaIsVersionedDocumentedAndSnakeCase() {
        assertEquals(List.of("sweeps", "runs", "history", "evaluations", "latents"), ResultTable.all().stream().map(ResultTable::name).toList());
        for (ResultTable<?> table : ResultTable.all()) {
            Schema schema = table.schema();
            assertEquals("dev.anchorsweep.results", schema.getNamespace(), table.name());
            assertNotNull(schema.getDoc(), table.name());
            assertEquals("schema_version", schema.getFields().get(0).name());
            assertEquals(SchemaVersion.CURRENT, ((Number) schema.getField("schema_version").defaultVal()).intValue());
            for (Schema.Field field : schema.getFields()) {
                assertFalse(field.doc() == null || field.doc().isBlank(), table.name() + "." + field.name() + " has no doc");
                assertEquals(field.name().toLowerCase(), field.name(), "snake_case");
                if (field.schema().isUnion()) assertEquals(Schema.Type.NULL, field.schema().getTypes().get(0).getType(), field.name());
            }
        }
    }

    @Test
    void doubleColumnsNameTheParquetPathsOfDoubles() {
        assertEquals(List.of("r.list.element", "g.list.element", "b.list.element", "latent.list.element.list.element"),
                TableFileWriter.doubleColumns(ResultTable.LATENTS.schema()));
        assertEquals(List.of("lr", "weights.key_value.value", "losses.key_value.value", "validation.key_value.value"),
                TableFileWriter.doubleColumns(ResultTable.HISTORY.schema()));
    }

    /**
     * The rows written straight into Parquet ({@link RowFileWriter}) make the file parquet-avro makes from the same
     * rows as Avro records: the same Parquet schema, the same Avro schema in the footer, the same records read back.
     */
    @Test
    void directWriterWritesWhatParquetAvroWrites(@TempDir Path dir) throws IOException {
        RunRows run = SampleRows.run("s1", "run-a", 20, 300, 200, 0.5);
        check(ResultTable.SWEEPS, List.of(SampleRows.sweep("s1", null, 0, 0), SampleRows.sweep("s1", SampleRows.T0, 8, 2)), null, dir);
        check(ResultTable.RUNS, List.of(SampleRows.okRun("s1", "run-a", 0.5), SampleRows.failedRun("s1", "run-b")), "c-1", dir);
        check(ResultTable.HISTORY, run.history(), "c-1", dir);
        check(ResultTable.EVALUATIONS, run.evaluations(), "c-1", dir);
        check(ResultTable.LATENTS, run.latents(), "c-1", dir);
    }

    private static <R> void check(ResultTable<R> table, List<R> rows, String commitId, Path dir) throws IOException {
        Configuration conf = new Configuration();
        TableFileWriter writer = new TableFileWriter(conf);
        org.apache.hadoop.fs.Path direct = new org.apache.hadoop.fs.Path(dir.resolve(table.name() + "-direct.parquet").toUri());
        org.apache.hadoop.fs.Path avro = new org.apache.hadoop.fs.Path(dir.resolve(table.name() + "-avro.parquet").toUri());
        writer.write(table, HadoopOutputFile.fromPath(direct, conf), rows, commitId);
        try (ParquetWriter<GenericRecord> out = writer.open(table.schema(), HadoopOutputFile.fromPath(avro, conf))) {
            for (R row : rows) out.write(table.toRecord(row, commitId));
        }
        ParquetMetadata d = footer(direct, conf);
        ParquetMetadata a = footer(avro, conf);
        assertEquals(a.getFileMetaData().getSchema(), d.getFileMetaData().getSchema(), table.name());
        assertEquals(a.getFileMetaData().getKeyValueMetaData(), d.getFileMetaData().getKeyValueMetaData(), table.name());
        assertEquals(a.getFileMetaData().getCreatedBy(), d.getFileMetaData().getCreatedBy(), table.name());
        assertEquals(chunks(a), chunks(d), table.name());
        assertArrayEquals(java.nio.file.Files.readAllBytes(dir.resolve(table.name() + "-avro.parquet")),
                java.nio.file.Files.readAllBytes(dir.resolve(table.name() + "-direct.parquet")), table.name() + ": the same bytes");
        List<GenericRecord> expected = read(avro, conf);
        assertEquals(rows.size(), expected.size(), table.name());
        assertEquals(expected.toString(), read(direct, conf).toString(), table.name());
    }

    /**
     * Per row group, per column chunk what the writer decided: codec, encodings (and how many pages each), statistics,
     * value count, sizes, whether a column index, an offset index and a bloom filter were written.
     */
    private static List<String> chunks(ParquetMetadata footer) {
        List<String> out = new ArrayList<>();
        for (BlockMetaData block : footer.getBlocks()) {
            out.add("row group: " + block.getRowCount() + " rows, " + block.getTotalByteSize() + " bytes");
            for (ColumnChunkMetaData c : block.getColumns()) {
                out.add(c.getPath() + " " + c.getPrimitiveType() + " " + c.getCodec() + " " + c.getEncodings() + " "
                        + c.getEncodingStats().getDictionaryEncodings() + "/" + c.getEncodingStats().getDataEncodings()
                        + " dictionary pages " + c.hasDictionaryPage() + " values " + c.getValueCount()
                        + " statistics " + c.getStatistics() + " nulls " + c.getStatistics().getNumNulls()
                        + " size " + c.getTotalSize() + "/" + c.getTotalUncompressedSize()
                        + " column index " + (c.getColumnIndexReference() != null) + " offset index " + (c.getOffsetIndexReference() != null)
                        + " bloom filter " + c.getBloomFilterOffset() + " size statistics " + sizes(c.getSizeStatistics()));
            }
        }
        return out;
    }

    private static String sizes(org.apache.parquet.column.statistics.SizeStatistics s) {
        return s == null ? "none" : s.getRepetitionLevelHistogram() + " " + s.getDefinitionLevelHistogram() + " "
                + s.getUnencodedByteArrayDataBytes();
    }

    private static ParquetMetadata footer(org.apache.hadoop.fs.Path file, Configuration conf) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            return reader.getFooter();
        }
    }

    private static List<GenericRecord> read(org.apache.hadoop.fs.Path file, Configuration conf) throws IOException {
        List<GenericRecord> out = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(file, conf)).build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) out.add(r);
        }
        return out;
    }
}
