package dev.anchorsweep.cli;

import java.util.Map;

/** The {@code --spark-conf KEY=VALUE} settings: every key a Spark setting ({@code spark.…}). */
final class SparkSettings {

    private SparkSettings() {
    }

    static Map<String, String> require(Map<String, String> settings) {
        settings.forEach((key, value) -> {
            if (!key.trim().startsWith("spark.") || key.trim().length() == "spark.".length()) {
                throw new BadArgument("--spark-conf " + key + "=" + value + ": '" + key + "' is not a Spark setting "
                        + "(KEY=VALUE with a key that starts with spark., e.g. spark.executor.memory=4g)");
            }
        });
        return settings;
    }
}
