package dev.anchorsweep.analysis;

import dev.anchorsweep.results.ResultsFolderException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Registers the result tables of an output folder as Spark SQL temporary views named after the tables —
 * {@code sweeps}, {@code runs}, {@code history}, {@code evaluations}, {@code latents} — holding committed rows only,
 * of one version of each sweep, and {@code sweep_versions}, every version's sweeps row. The files as stored are
 * {@code stored_<table>}; over them:
 * <ul>
 * <li>{@code sweeps}: the selected version's row of each sweep (the latest unless a version is asked for);</li>
 * <li>{@code runs}: the runs rows of the runs that version plans ({@code sweeps.run_ids}), one per run: a run
 * committed twice (a zombie task attempt) by its first commit (finished_at, then commit_id);</li>
 * <li>{@code history}, {@code evaluations}, {@code latents}: the rows whose (sweep_id, run_id, commit_id) is a row of
 * {@code runs}, so the rows of a pack killed before its runs file are never seen.</li>
 * </ul>
 * Every file's footer is checked first ({@link StoredFiles}): an unreadable file or one of another schema version
 * fails with a {@link ResultsFolderException} naming it and what to do.
 */
public final class ResultViews {

    public static final List<String> TABLES = List.of("sweeps", "runs", "history", "evaluations", "latents");
    /** Every version's row of every sweep (registered with {@code sweeps}). */
    public static final String VERSIONS = "sweep_versions";
    private static final List<String> DATA = List.of("history", "evaluations", "latents");

    private ResultViews() {
    }

    /** Registers every table present under {@code root}, latest version of each sweep; returns the names registered. */
    public static List<String> register(SparkSession spark, String root) {
        return register(spark, root, null);
    }

    /**
     * @param version the sweep version to show, or null for the latest of each sweep
     * @throws ResultsFolderException for a file that cannot be read or a version that no sweep has
     */
    public static List<String> register(SparkSession spark, String root, Integer version) {
        return register(spark, root, version, null);
    }

    /**
     * As {@link #register(SparkSession, String, Integer)}, with the footer check already started (null: check now).
     *
     * @param footers the check of the same {@code root}, e.g. started before the Spark session
     */
    public static List<String> register(SparkSession spark, String root, Integer version, FooterCheck footers) {
        if (footers != null && !footers.root().equals(root)) {
            throw new IllegalArgumentException("the footer check is of " + footers.root() + ", not of " + root);
        }
        List<String> present = new ArrayList<>();
        try {
            FileSystem fs = FileSystem.get(URI.create(root), spark.sparkContext().hadoopConfiguration());
            Map<String, MessageType> schemas = footers != null ? footers.schemas()
                    : FooterCheck.check(root, spark.sparkContext().hadoopConfiguration());
            ParquetToSparkSchemaConverter converter = new ParquetToSparkSchemaConverter(spark.sessionState().conf());
            for (String table : TABLES) {
                Path dir = new Path(root, table);
                if (!fs.exists(dir)) continue;
                Dataset<Row> stored;
                if (schemas.containsKey(table)) {
                    // the schema Spark would infer from a footer (its inference runs a Spark job per table), in the
                    // file's column order (Spark puts a given schema's partition column, sweep_id, last)
                    StructType schema = converter.convert(schemas.get(table));
                    stored = spark.read().schema(schema).parquet(dir.toString())
                            .select(Arrays.stream(schema.fieldNames()).map(functions::col).toArray(Column[]::new));
                } else {
                    stored = spark.read().option("mergeSchema", "false").parquet(dir.toString());
                }
                stored.createOrReplaceTempView("stored_" + table);
                present.add(table);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the result tables under " + root, e);
        }
        List<String> registered = new ArrayList<>();
        if (present.contains("sweeps")) {
            view(spark, VERSIONS, "SELECT * FROM stored_sweeps");
            view(spark, "sweeps", version == null ? """
                    SELECT s.* FROM stored_sweeps s
                    JOIN (SELECT sweep_id, max(version) AS latest FROM stored_sweeps GROUP BY sweep_id) l
                      ON s.sweep_id = l.sweep_id AND s.version = l.latest""" : "SELECT * FROM stored_sweeps WHERE version = " + version);
            if (version != null && spark.table("sweeps").isEmpty()) {
                String versions = spark.sql("SELECT DISTINCT version FROM stored_sweeps ORDER BY version").collectAsList()
                        .stream().map(r -> String.valueOf(r.getInt(0))).collect(Collectors.joining(", "));
                throw new ResultsFolderException("no sweep in " + root + " has version " + version + "; its versions: " + versions);
            }
            registered.add("sweeps");
        } else if (version != null) {
            throw new ResultsFolderException("no sweep in " + root + " has version " + version + ": it has no sweeps table");
        }
        if (present.contains("runs")) {
            String columns = Arrays.stream(spark.table("stored_runs").columns()).map(c -> "r." + c)
                    .collect(Collectors.joining(", "));
            String planned = present.contains("sweeps") ? """
                    LEFT SEMI JOIN (SELECT sweep_id, explode(run_ids) AS run_id FROM sweeps) p
                      ON r.sweep_id = p.sweep_id AND r.run_id = p.run_id""" : "";
            view(spark, "runs", """
                    SELECT %s FROM (SELECT *, row_number() OVER (PARTITION BY sweep_id, run_id
                                                                 ORDER BY finished_at, commit_id) AS commit_rank
                                    FROM stored_runs) r
                    %s
                    WHERE r.commit_rank = 1""".formatted(columns, planned));
            registered.add("runs");
            for (String table : DATA) {
                if (!present.contains(table)) continue;
                view(spark, table, """
                        SELECT d.* FROM stored_%s d
                        LEFT SEMI JOIN runs r ON d.sweep_id = r.sweep_id AND d.run_id = r.run_id AND d.commit_id = r.commit_id"""
                        .formatted(table));
                registered.add(table);
            }
        }
        if (present.contains("sweeps")) registered.add(VERSIONS);
        return registered;
    }

    private static void view(SparkSession spark, String name, String sql) {
        spark.sql(sql).createOrReplaceTempView(name);
    }
}
