package dev.anchorsweep.results;

import java.io.Closeable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.util.AutoCloseables;

/**
 * Writes one table's rows into one Parquet file, shredding each row straight into the column writers
 * ({@link RowShredder}) instead of going through parquet-java's record consumer, whose start/end bookkeeping for every
 * value and list element cost most of a commit. The rest is parquet-java's own machinery, set up as
 * {@link ParquetWriter} sets it up: {@link ParquetFileWriter} (8 MiB maximum padding, no encryption), a
 * {@link ColumnChunkPageWriteStore} per row group with the properties' allocator, column index truncation and page
 * checksums, the properties' column write store (statistics, dictionaries, page sizes), and the row group size check
 * of parquet-hadoop 1.15's {@code InternalParquetRecordWriter} (a pack file, a few MB, is one row group). The footer
 * holds the given key-value metadata. Not thread-safe; close it to write the footer.
 */
final class RowFileWriter<R> implements Closeable {

    private final RowShredder<R> shredder;
    private final MessageType schema;
    private final ParquetFileWriter file;
    private final CodecFactory codecs;
    private final BytesInputCompressor compressor;
    private final ParquetProperties props;
    private final Map<String, String> footer;
    private final long rowGroupBytes;
    private long nextRowGroupBytes;
    private long recordCount;
    private long recordCountForNextMemCheck;
    private ColumnChunkPageWriteStore pageStore;
    private ColumnWriteStore columnStore;
    private boolean aborted;
    private boolean closed;

    /** @param codecs released on close */
    RowFileWriter(RowShredder<R> shredder, OutputFile out, ParquetFileWriter.Mode mode, ParquetProperties props,
                  CodecFactory codecs, CompressionCodecName codec, long rowGroupBytes, Map<String, String> footer) throws IOException {
        this.shredder = shredder;
        this.schema = shredder.parquetSchema();
        this.props = props;
        this.codecs = codecs;
        this.footer = new LinkedHashMap<>(footer); // written in its order
        this.rowGroupBytes = rowGroupBytes;
        this.nextRowGroupBytes = rowGroupBytes;
        try {
            this.file = new ParquetFileWriter(out, schema, mode, rowGroupBytes, ParquetWriter.MAX_PADDING_SIZE_DEFAULT, null, props);
            file.start();
            this.compressor = codecs.getCompressor(codec);
        } catch (IOException | RuntimeException e) {
            codecs.release();
            throw e;
        }
        initStore();
        recordCountForNextMemCheck = props.getMinRowCountForPageSizeCheck();
    }

    void write(R row) throws IOException {
        if (aborted) throw new IOException("writer has been aborted due to a previous error and cannot accept further rows");
        try {
            shredder.write(row);
            columnStore.endRecord();
            recordCount++;
            checkRowGroupSize();
        } catch (IOException | RuntimeException | Error e) {
            aborted = true;
            throw e;
        }
    }

    /** Flushes the last row group and writes the footer (nothing after a failed write); the file is closed either way. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            if (aborted) return;
            flushRowGroup();
            file.end(footer);
        } finally {
            try {
                AutoCloseables.uncheckedClose(columnStore, pageStore, file);
            } finally {
                codecs.release();
            }
        }
    }

    private void initStore() {
        pageStore = new ColumnChunkPageWriteStore(compressor, schema, props.getAllocator(),
                props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled(), null, 0);
        columnStore = props.newColumnWriteStore(schema, pageStore, pageStore);
        shredder.bind(columnStore);
    }

    /** As InternalParquetRecordWriter: checks the buffered size now and then, flushing a row group within ~2 rows of it. */
    private void checkRowGroupSize() throws IOException {
        if (recordCount < recordCountForNextMemCheck) return;
        long memSize = columnStore.getBufferedSize();
        long recordSize = memSize / recordCount;
        if (memSize > nextRowGroupBytes - 2 * recordSize) {
            flushRowGroup();
            initStore();
            recordCountForNextMemCheck = Math.min(Math.max(props.getMinRowCountForPageSizeCheck(), recordCount / 2),
                    props.getMaxRowCountForPageSizeCheck());
        } else {
            recordCountForNextMemCheck = Math.min(
                    Math.max(props.getMinRowCountForPageSizeCheck(), (recordCount + (long) (nextRowGroupBytes / (float) recordSize)) / 2),
                    recordCount + props.getMaxRowCountForPageSizeCheck());
        }
    }

    private void flushRowGroup() throws IOException {
        try {
            if (recordCount > 0) {
                file.startBlock(recordCount);
                columnStore.flush();
                pageStore.flushToFileWriter(file);
                recordCount = 0;
                file.endBlock();
                nextRowGroupBytes = Math.min(file.getNextRowGroupSize(), rowGroupBytes);
            }
        } finally {
            AutoCloseables.uncheckedClose(columnStore, pageStore);
            columnStore = null;
            pageStore = null;
        }
    }
}
