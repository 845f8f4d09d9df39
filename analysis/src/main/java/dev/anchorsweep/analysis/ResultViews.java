package dev.anchorsweep.analysis;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the result tables of an output folder as Spark SQL temporary views named after the tables:
 * {@code sweeps}, {@code runs}, {@code history}, {@code evaluations}, {@code latents}.
 */
public final class ResultViews {

    public static final List<String> TABLES = List.of("sweeps", "runs", "history", "evaluations", "latents");

    private ResultViews() {
    }

    /** Registers every table present under {@code root}; returns the names registered. */
    public static List<String> register(SparkSession spark, String root) {
        List<String> registered = new ArrayList<>();
        try {
            FileSystem fs = FileSystem.get(URI.create(root), spark.sparkContext().hadoopConfiguration());
            for (String table : TABLES) {
                Path dir = new Path(root, table);
                if (!fs.exists(dir)) continue;
                spark.read().option("mergeSchema", "false").parquet(dir.toString()).createOrReplaceTempView(table);
                registered.add(table);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the result tables under " + root, e);
        }
        return registered;
    }
}
