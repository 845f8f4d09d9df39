package dev.anchorsweep.cli;

import dev.anchorsweep.driver.SparkSessions;
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

    /** A quiet Spark session for the query job {@code name}. */
    SparkSession start(String name) {
        QuietTaskErrors.apply();
        return SparkSessions.start(name, master, sparkConf);
    }
}
