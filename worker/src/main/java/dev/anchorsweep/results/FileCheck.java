package dev.anchorsweep.results;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * What a result file's Parquet footer says: whether it can be read at all and the {@code schema_version} it was
 * written with (the default of that field in the Avro schema stored in the footer). Reading a footer costs one small
 * read at the end of the file, so every file of a folder can be checked before it is used.
 *
 * @param unreadable    why the footer cannot be read, or null
 * @param schemaVersion the file's schema version, or null when unreadable
 */
public record FileCheck(String path, String unreadable, Integer schemaVersion) {

    public static FileCheck of(FileStatus file, Configuration conf) {
        String path = file.getPath().toString();
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(file, conf))) {
            String avro = reader.getFooter().getFileMetaData().getKeyValueMetaData().get("parquet.avro.schema");
            if (avro == null) return new FileCheck(path, "its footer holds no Avro schema (not written by anchor-sweep)", null);
            Schema.Field version = new Schema.Parser().parse(avro).getField("schema_version");
            Object value = version == null ? null : version.defaultVal();
            if (!(value instanceof Number n)) return new FileCheck(path, "its schema declares no schema_version", null);
            return new FileCheck(path, null, n.intValue());
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return new FileCheck(path, reason, null);
        }
    }

    public boolean readable() {
        return unreadable == null;
    }

    /** Null when the file has this code's schema version; otherwise a line saying why it cannot be used. */
    public String versionProblem() {
        if (!readable() || schemaVersion == SchemaVersion.CURRENT) return null;
        if (schemaVersion > SchemaVersion.CURRENT) {
            return "result file " + path + " has schema_version " + schemaVersion + ", newer than this anchor-sweep's "
                    + SchemaVersion.CURRENT + ": use the newer anchor-sweep that wrote it";
        }
        String layout = schemaVersion < 2 ? "older layout, before pack commits"
                : schemaVersion < 3 ? "older layout, before stopped runs"
                : "older layout, one latents row per colour and no summary columns";
        return "result file " + path + " has schema_version " + schemaVersion + " (" + layout + "), "
                + "but this anchor-sweep reads " + SchemaVersion.CURRENT + ": run the sweep again into a new --out, or "
                + "read it with the anchor-sweep that wrote it";
    }
}
