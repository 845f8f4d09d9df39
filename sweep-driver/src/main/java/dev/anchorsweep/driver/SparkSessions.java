package dev.anchorsweep.driver;

import org.apache.spark.sql.SparkSession;

import java.util.Map;

/** Starts the Spark session of a sweep: embedded local mode by default, or any master URL; quiet. */
public final class SparkSessions {

    /** Embedded Spark on every core, each task tried up to 3 times (local mode otherwise never retries). */
    public static final String LOCAL = "local[*,3]";

    private SparkSessions() {
    }

    public static SparkSession start(String appName, String master, Map<String, String> conf) {
        boolean local = master.startsWith("local");
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.ui.enabled", !local)
                .config("spark.ui.showConsoleProgress", false)
                .config("spark.sql.shuffle.partitions", 4)
                .config("spark.sql.debug.maxToStringFields", 500)
                .config("spark.speculation", false)
                .config("spark.task.maxFailures", 4)
                // one native (OpenMP) thread per task core on every executor
                .config("spark.executorEnv.OMP_NUM_THREADS", conf.getOrDefault("spark.task.cpus", "1"));
        conf.forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
