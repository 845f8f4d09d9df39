package dev.anchorsweep.driver;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the Spark session of a sweep: embedded local mode by default, or any master URL; quiet. Under spark-submit
 * the master, the jars and any other setting it was given (as {@code spark.*} system properties) are kept; for a
 * non-local master started from the launcher, the driver ships the {@link JobJar} to the executors.
 */
public final class SparkSessions {

    /** Embedded Spark on every core, each task tried up to 3 times (local mode otherwise never retries). */
    public static final String LOCAL = "local[*,3]";

    /** JavaCPP's limit on the process's physical memory; 0 turns off the check made at every native allocation. */
    public static final String NO_PHYSICAL_BYTES_CHECK_KEY = "org.bytedeco.javacpp.maxPhysicalBytes";
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    static final String WAREHOUSE_KEY = "spark.sql.warehouse.dir";
    static final String CATALOG_KEY = "spark.sql.catalogImplementation";

    private SparkSessions() {
    }

    /** The master to use: the one asked for, else the one spark-submit set ({@code spark.master}), else {@link #LOCAL}. */
    public static String master(String requested) {
        if (requested != null && !requested.isBlank()) return requested;
        return new SparkConf().get("spark.master", LOCAL);
    }

    /** True for masters that run the executors inside this JVM. */
    public static boolean isLocal(String master) {
        return master.startsWith("local");
    }

    public static SparkSession start(String appName, String master, Map<String, String> conf) {
        boolean local = isLocal(master);
        SparkConf submitted = new SparkConf(); // what spark-submit (or -Dspark.*) already set
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.ui.enabled", !local)
                .config("spark.ui.showConsoleProgress", false)
                .config("spark.sql.shuffle.partitions", 4)
                .config("spark.sql.debug.maxToStringFields", 500)
                .config("spark.speculation", false)
                .config("spark.task.maxFailures", 4);
        // one native (OpenMP) thread per task core on every executor
        String ompKey = "spark.executorEnv.OMP_NUM_THREADS";
        if (!conf.containsKey(ompKey) && !submitted.contains(ompKey)) {
            builder.config(ompKey, conf.getOrDefault("spark.task.cpus", submitted.get("spark.task.cpus", "1")));
        }
        Map<String, String> settings = new LinkedHashMap<>(conf);
        // JavaCPP's physical-memory check costs a /proc read per native allocation (deploy/jvm.properties)
        String javaOptions = "spark.executor.extraJavaOptions";
        String given = conf.getOrDefault(javaOptions, submitted.get(javaOptions, ""));
        if (!local && !given.contains(NO_PHYSICAL_BYTES_CHECK_KEY)) {
            given = (given + " -D" + NO_PHYSICAL_BYTES_CHECK_KEY + "=0").trim();
            settings.put(javaOptions, given);
        }
        // the fused training engine needs the Vector API module on every executor JVM
        if (!local && !given.contains(VECTOR_MODULE)) settings.put(javaOptions, (given + " --add-modules=" + VECTOR_MODULE).trim());
        // executors in other JVMs load our classes from the job jar (spark-submit sets spark.jars to it already)
        if (!local && !submitted.contains("spark.jars")) settings.put("spark.jars", withJobJar(master, conf.get("spark.jars")));
        // no spark-warehouse, metastore_db or derby.log anywhere: an in-memory catalog over a temporary warehouse
        if (!submitted.contains(CATALOG_KEY)) settings.putIfAbsent(CATALOG_KEY, "in-memory");
        TemporaryWarehouse warehouse = null;
        if (!conf.containsKey(WAREHOUSE_KEY) && !submitted.contains(WAREHOUSE_KEY)) {
            warehouse = TemporaryWarehouse.create();
            settings.put(WAREHOUSE_KEY, warehouse.uri());
        }
        settings.forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        if (warehouse != null) spark.sparkContext().addSparkListener(warehouse);
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /** {@code spark.jars} as given (e.g. hadoop-aws for s3a://) plus the job jar, unless it names one already. */
    static String withJobJar(String master, String jars) {
        if (jars == null || jars.isBlank()) return JobJar.locate().requireExists(master).path().toString();
        for (String jar : jars.split(",")) if (jar.trim().endsWith(JobJar.FILE_NAME)) return jars;
        return jars + "," + JobJar.locate().requireExists(master).path();
    }

    /**
     * The Hadoop configuration the driver uses before Spark starts (listing and committing results): Hadoop's
     * defaults plus every {@code spark.hadoop.*} setting, from {@code conf} or spark-submit, as executors see them.
     */
    public static Configuration hadoopConfiguration(Map<String, String> conf) {
        SparkConf sparkConf = new SparkConf();
        conf.forEach(sparkConf::set);
        return SparkHadoopUtil.get().newConfiguration(sparkConf);
    }
}
