package dev.anchorsweep.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Paths of settings within a run section, as a grid names them: dotted, unquoted, e.g. {@code model.latent-dim} or
 * {@code regularizers.anchor.weight}. The schedules of a run are {@code training.lr} and every
 * {@code regularizers.<name>.weight}.
 */
final class RunPaths {

    static final String LR = "training.lr";

    private RunPaths() {
    }

    static List<String> segments(String path) {
        return Arrays.asList(path.split("\\.", -1));
    }

    /** The path as a HOCON path expression (each segment quoted where needed). */
    static String expression(String path) {
        return ConfigUtil.joinPath(segments(path));
    }

    /** Whether {@code segments} name a schedule: training.lr or regularizers.<name>.weight. */
    static boolean isSchedule(List<String> segments) {
        return segments.equals(List.of("training", "lr"))
                || segments.size() == 3 && segments.get(0).equals("regularizers") && segments.get(2).equals("weight");
    }

    /** Whether {@code segments} lead to a schedule but stop short of it (training, regularizers, regularizers.x). */
    static boolean leadsToSchedule(List<String> segments) {
        return segments.equals(List.of("training")) || segments.equals(List.of("regularizers"))
                || segments.size() == 2 && segments.get(0).equals("regularizers");
    }

    /** The value at {@code path} of a run section, or null when there is none. */
    static ConfigValue valueAt(ConfigObject run, String path) {
        Config config = run.toConfig();
        String expression = expression(path);
        return config.hasPath(expression) ? config.getValue(expression) : null;
    }

    static ConfigObject withValue(ConfigObject run, String path, ConfigValue value) {
        return run.toConfig().withValue(expression(path), value).root();
    }

    /** The schedules of a run section: training.lr and the weight of every regularizer. */
    static List<String> schedules(ConfigObject run) {
        List<String> out = new ArrayList<>(List.of(LR));
        if (run.get("regularizers") instanceof ConfigObject regularizers) {
            new TreeSet<>(regularizers.keySet()).forEach(name -> out.add("regularizers." + name + ".weight"));
        }
        return out;
    }

    /** Every leaf setting of a run section (lists count as leaves), sorted. */
    static List<String> settings(ConfigObject run) {
        return run.toConfig().entrySet().stream().map(Map.Entry::getKey)
                .map(key -> String.join(".", ConfigUtil.splitPath(key))).sorted().toList();
    }
}
