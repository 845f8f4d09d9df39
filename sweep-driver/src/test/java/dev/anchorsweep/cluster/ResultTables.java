package dev.anchorsweep.cluster;

import dev.anchorsweep.analysis.ResultViews;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result tables of one output root, read with Spark SQL through the views of {@link ResultViews} (committed rows
 * only, as every reader sees them): how many rows each run has in each table, and every
 * numeric result keyed by what identifies it, for comparing two sweeps value by value.
 */
final class ResultTables {

    /** The per-run tables. */
    static final List<String> RUN_TABLES = List.of("runs", "history", "evaluations", "latents");

    /** Per table: the row key and the numbers compared (maps flattened in key order). */
    private static final Map<String, String> VALUES = Map.of(
            "runs", "SELECT run_id AS k, array(final_loss, final_recon, val_recon) AS v FROM t",
            "history", "SELECT concat_ws('/', run_id, step) AS k, concat(array(lr), "
                    + "transform(array_sort(map_keys(losses)), x -> losses[x]), "
                    + "transform(array_sort(map_keys(validation)), x -> validation[x])) AS v FROM t",
            "evaluations", "SELECT concat_ws('/', run_id, intervention, color_set, color_index) AS k, "
                    + "array(error, out_r, out_g, out_b) AS v FROM t",
            "latents", "SELECT concat_ws('/', run_id, step, intervention, color_set, color_index) AS k, "
                    + "cast(latent AS array<double>) AS v FROM t");

    private final SparkSession spark;
    private final String root;

    ResultTables(SparkSession spark, String root) {
        this.spark = spark;
        this.root = root;
    }

    /** run_id → number of rows in the table. */
    Map<String, Long> rowsPerRun(String table) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : read(table, "SELECT run_id, count(*) FROM t GROUP BY run_id")) counts.put(r.getString(0), r.getLong(1));
        return counts;
    }

    /** run_id → status. */
    Map<String, String> statuses() {
        Map<String, String> statuses = new TreeMap<>();
        for (Row r : read("runs", "SELECT run_id, status FROM t")) statuses.put(r.getString(0), r.getString(1));
        return statuses;
    }

    /** row key → its numbers; a key seen twice is an error (a duplicate row). */
    Map<String, double[]> values(String table) {
        Map<String, double[]> values = new TreeMap<>();
        for (Row r : read(table, VALUES.get(table))) {
            List<Object> list = r.getList(1);
            double[] v = new double[list.size()];
            for (int i = 0; i < v.length; i++) v[i] = list.get(i) == null ? Double.NaN : ((Number) list.get(i)).doubleValue();
            if (values.put(r.getString(0), v) != null) {
                throw new IllegalStateException(table + " must hold one row per key, but holds " + r.getString(0)
                        + " twice under " + root);
            }
        }
        return values;
    }

    /** Rows of the runs table, as SQL sees them (for reports). */
    List<Row> runs(String columns) {
        return read("runs", "SELECT " + columns + " FROM t ORDER BY pack_id, run_id");
    }

    private List<Row> read(String table, String sql) {
        ResultViews.register(spark, root);
        spark.table(table).createOrReplaceTempView("t");
        return spark.sql(sql).collectAsList();
    }
}
