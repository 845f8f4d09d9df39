package dev.anchorsweep.cli;

import org.apache.spark.internal.config.ConfigEntry;
import org.apache.spark.sql.internal.SQLConf;

import java.util.Map;

/**
 * The {@code --spark-conf KEY=VALUE} settings: every key a Spark setting ({@code spark.…}), and the value of every
 * setting Spark declares (core and SQL) one that Spark's own converter accepts: checked here, before Spark starts.
 */
final class SparkSettings {

    private SparkSettings() {
    }

    static Map<String, String> require(Map<String, String> settings) {
        settings.forEach((key, value) -> {
            if (!key.trim().startsWith("spark.") || key.trim().length() == "spark.".length()) {
                throw new BadArgument("--spark-conf " + key + "=" + value + ": '" + key + "' is not a Spark setting "
                        + "(KEY=VALUE with a key that starts with spark., e.g. spark.executor.memory=4g)");
            }
            ConfigEntry<?> entry = declared(key.trim());
            if (entry == null) return;
            try {
                entry.valueConverter().apply(value.trim());
            } catch (RuntimeException e) {
                throw new BadArgument("--spark-conf " + key + "=" + value + ": Spark does not accept this value ("
                        + e.getMessage().replaceAll("\\s*\\R\\s*", " ").strip() + ")");
            }
        });
        return settings;
    }

    /** Spark's declaration of a setting (core: {@code spark.executor.memory}, SQL: {@code spark.sql.…}), or null. */
    private static ConfigEntry<?> declared(String key) {
        org.apache.spark.internal.config.package$.MODULE$.EXECUTOR_MEMORY(); // registers the core settings
        SQLConf.SHUFFLE_PARTITIONS();                                        // registers the SQL settings
        return ConfigEntry.findEntry(key);
    }
}
