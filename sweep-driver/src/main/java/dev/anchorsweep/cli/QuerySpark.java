package dev.anchorsweep.cli;

import dev.anchorsweep.analysis.FooterCheck;
import dev.anchorsweep.driver.SparkSessions;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Spark options of the commands that query a results folder ({@code report}, {@code sql}); a picocli mixin. */
final class QuerySpark {

    @Option(names = "--master", paramLabel = "URL", description = "Spark master URL (default local[*])")
    String master = "local[*]";

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", description = "extra Spark setting (repeatable)")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    /** Checks --master and --spark-conf (before Spark starts). */
    void check() {
        MasterUrl.require("--master", master);
        SparkSettings.require(sparkConf);
    }

    /**
     * A quiet Spark session for the query job {@code name}. One shuffle partition unless --spark-conf (or
     * spark-submit) says otherwise: the report's and most queries' shuffles carry a few thousand rows, and each
     * partition is a task to schedule, ship and run (a report: ~125 tasks instead of ~350, the same rows).
     */
    SparkSession start(String name) {
        QuietTaskErrors.apply();
        Map<String, String> conf = new LinkedHashMap<>(sparkConf);
        if (!new SparkConf().contains(SHUFFLE_PARTITIONS)) conf.putIfAbsent(SHUFFLE_PARTITIONS, "1");
        return SparkSessions.start(name, master, conf);
    }

    /**
     * Starts the footer check of the results folder {@code root} on a thread of its own, with the Hadoop settings the
     * session will have: call it before {@link #start(String)}, so that the check runs while Spark starts.
     */
    FooterCheck checkFooters(String root) {
        return FooterCheck.start(root, SparkSessions.hadoopConfiguration(sparkConf));
    }

    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
}
