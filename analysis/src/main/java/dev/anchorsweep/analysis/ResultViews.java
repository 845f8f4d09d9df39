package dev.anchorsweep.analysis;

import dev.anchorsweep.results.ResultsFolderException;
import dev.anchorsweep.results.SweepVersion;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * {@code runs}, so the rows of a pack killed before its runs file are never seen; {@code latents} in long form, one
 * row per colour (stored with the colours as arrays, one row per snapshot).</li>
 * </ul>
 * Every file's footer is checked first ({@link StoredFiles}): an unreadable file or one of another schema version
 * fails with a {@link ResultsFolderException} naming it and what to do.
 */
public final class ResultViews {

    public static final List<String> TABLES = List.of("sweeps", "runs", "history", "evaluations", "latents");
    /** Every version's row of every sweep (registered with {@code sweeps}). */
    public static final String VERSIONS = "sweep_versions";
    private static final List<String> DATA = List.of("history", "evaluations", "latents");

    /**
     * The {@code latents} view over the query of its committed rows (in place of {@code %s}). Stored as one row per
     * run × step × intervention × colour set with the colours and latents as arrays, it is shown in long form, one row
     * per colour, its array position as {@code color_index}. The committed rows are picked before the explode, so the
     * join sees one row per snapshot, not one per colour.
     */
    private static final String LATENTS_LONG_FORM = """
            SELECT d.schema_version, d.sweep_id, d.run_id, d.commit_id, d.step, d.intervention, d.color_set, c.color_index,
                   c.colour.r AS r, c.colour.g AS g, c.colour.b AS b, c.colour.latent AS latent
            FROM (%s) d
            LATERAL VIEW posexplode(arrays_zip(d.r, d.g, d.b, d.latent)) c AS color_index, colour""";

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
        FooterCheck.Outcome checked = footers != null ? footers.outcome()
                : FooterCheck.check(root, spark.sparkContext().hadoopConfiguration());
        try {
            FileSystem fs = FileSystem.get(URI.create(root), spark.sparkContext().hadoopConfiguration());
            ParquetToSparkSchemaConverter converter = new ParquetToSparkSchemaConverter(spark.sessionState().conf());
            for (String table : TABLES) {
                Path dir = new Path(root, table);
                if (!fs.exists(dir)) continue;
                Dataset<Row> stored;
                if (checked.schemas().containsKey(table)) {
                    // the schema Spark would infer from a footer (its inference runs a Spark job per table), in the
                    // file's column order (Spark puts a given schema's partition column, sweep_id, last)
                    StructType schema = converter.convert(checked.schemas().get(table));
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
        // the shown version of each sweep, from the versions the check read: the sweeps and runs views select by a
        // small local table of its keys instead of a join Spark would plan and run in every query that reads runs
        Map<String, SweepVersion> shown = new TreeMap<>();
        if (present.contains("sweeps")) {
            checked.versions().forEach((sweepId, versions) -> versions.stream()
                    .filter(v -> version == null || v.version() == version)
                    .max(Comparator.comparingInt(SweepVersion::version)).ifPresent(v -> shown.put(sweepId, v)));
            if (version != null && shown.isEmpty()) {
                String versions = checked.versions().values().stream().flatMap(List::stream).map(SweepVersion::version)
                        .distinct().sorted().map(String::valueOf).collect(Collectors.joining(", "));
                throw new ResultsFolderException("no sweep in " + root + " has version " + version + "; its versions: " + versions);
            }
            view(spark, VERSIONS, "SELECT * FROM stored_sweeps");
            List<Row> keys = new ArrayList<>();
            shown.forEach((sweepId, v) -> keys.add(RowFactory.create(sweepId, v.version())));
            withKeys(spark, spark.table("stored_sweeps"), keys, "version", DataTypes.IntegerType)
                    .createOrReplaceTempView("sweeps");
            registered.add("sweeps");
        } else if (version != null) {
            throw new ResultsFolderException("no sweep in " + root + " has version " + version + ": it has no sweeps table");
        }
        if (present.contains("runs")) {
            // a run committed twice (a zombie task attempt) by its first commit, of the runs the shown versions plan
            Dataset<Row> ranked = spark.sql("""
                    SELECT *, row_number() OVER (PARTITION BY sweep_id, run_id ORDER BY finished_at, commit_id) AS commit_rank
                    FROM stored_runs""");
            if (present.contains("sweeps")) {
                List<Row> keys = new ArrayList<>();
                shown.forEach((sweepId, v) -> v.runIds().forEach(id -> keys.add(RowFactory.create(sweepId, id))));
                ranked = withKeys(spark, ranked, keys, "run_id", DataTypes.StringType);
            }
            ranked.where("commit_rank = 1")
                    .select(Arrays.stream(spark.table("stored_runs").columns()).map(functions::col).toArray(Column[]::new))
                    .createOrReplaceTempView("runs");
            registered.add("runs");
            for (String table : DATA) {
                if (!present.contains(table)) continue;
                String committed = """
                        SELECT d.* FROM stored_%s d
                        LEFT SEMI JOIN runs r ON d.sweep_id = r.sweep_id AND d.run_id = r.run_id AND d.commit_id = r.commit_id"""
                        .formatted(table);
                view(spark, table, table.equals("latents") ? LATENTS_LONG_FORM.formatted(committed) : committed);
                registered.add(table);
            }
        }
        if (present.contains("sweeps")) registered.add(VERSIONS);
        return registered;
    }

    /**
     * The rows of {@code data} whose (sweep_id, {@code column}) is one of {@code keys}: a left semi join with a small
     * local table of the keys.
     */
    private static Dataset<Row> withKeys(SparkSession spark, Dataset<Row> data, List<Row> keys, String column,
                                         org.apache.spark.sql.types.DataType type) {
        Dataset<Row> wanted = spark.createDataFrame(keys, new StructType()
                .add("sweep_id", DataTypes.StringType).add(column, type));
        return data.join(wanted, data.col("sweep_id").equalTo(wanted.col("sweep_id"))
                .and(data.col(column).equalTo(wanted.col(column))), "left_semi");
    }

    private static void view(SparkSession spark, String name, String sql) {
        spark.sql(sql).createOrReplaceTempView(name);
    }
}
