package dev.anchorsweep.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.anchorsweep.schedule.Dopesheet;
import dev.anchorsweep.schedule.Interpolation;
import dev.anchorsweep.schedule.Keyframe;
import dev.anchorsweep.schedule.KeyframeSchedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a keyframe schedule (a regularizer weight or the lr) from any of its config forms:
 * <pre>
 * weight = 0.02                                          # constant
 * weight = [[0, 0.01], [750, 0.1], [1425, 0]]            # min-jerk keyframes [step, value]
 * weight { interpolation = linear, keys = [[0, 1], [100, 0]] }
 * weight { dopesheet = "ex-2.9.1-dopesheet.csv", column = anchor }   # path relative to the config file
 * </pre>
 */
public final class ScheduleParser {

    static final List<String> OBJECT_KEYS = List.of("interpolation", "keys", "dopesheet", "column");

    private ScheduleParser() {
    }

    /** The schedule at {@code key}, or null after recording a problem. */
    public static KeyframeSchedule parse(ConfigReader reader, String key, Path baseDir) {
        ConfigValue v = reader.value(key);
        if (v == null || v.valueType() == ConfigValueType.NULL) {
            reader.problem(null, "needs '" + key + "' (a number, a list of [step, value] keyframes, or an object)");
            return null;
        }
        return switch (v.valueType()) {
            case NUMBER -> KeyframeSchedule.constant(((Number) v.unwrapped()).doubleValue());
            case LIST -> keyframes(reader, key, (ConfigList) v, Interpolation.MIN_JERK);
            case OBJECT -> object(new ConfigReader((ConfigObject) v, reader.path(key), reader.problems()), baseDir);
            default -> {
                reader.problem(key, "must be a number, a list of [step, value] keyframes like [[0, 0.01], [750, 0.1]]"
                        + " or an object, but got " + ConfigReader.describe(v));
                yield null;
            }
        };
    }

    private static KeyframeSchedule object(ConfigReader r, Path baseDir) {
        r.allowOnly(OBJECT_KEYS);
        if (r.has("dopesheet")) {
            Dopesheet sheet = dopesheet(r, baseDir);
            String column = r.string("column");
            if (sheet == null || column == null) return null;
            if (!sheet.properties().contains(column)) {
                r.problem("column", "'" + column + "' is not a column of " + sheet.sourceName()
                        + DidYouMean.hint(column, sheet.properties()) + " (columns: " + sheet.properties() + ")");
                return null;
            }
            try {
                return sheet.schedule(column);
            } catch (RuntimeException e) {
                r.problem("dopesheet", e.getMessage());
                return null;
            }
        }
        Interpolation interpolation = Interpolation.MIN_JERK;
        if (r.has("interpolation")) {
            String name = r.choice("interpolation", Arrays.stream(Interpolation.values())
                    .map(Interpolation::configName).toList());
            if (name == null) return null;
            interpolation = Interpolation.fromConfigName(name);
        }
        ConfigValue keys = r.value("keys");
        if (!(keys instanceof ConfigList list)) {
            r.problem(keys == null ? null : "keys", "needs 'keys', a list of [step, value] keyframes like"
                    + " [[0, 0.01], [750, 0.1]], or 'dopesheet' and 'column'");
            return null;
        }
        return keyframes(r, "keys", list, interpolation);
    }

    /**
     * The dopesheet named by {@code dopesheet} in {@code r} (a path relative to the config file's folder), or null
     * after recording a problem (missing setting or file, a malformed sheet).
     */
    static Dopesheet dopesheet(ConfigReader r, Path baseDir) {
        String file = r.string("dopesheet");
        if (file == null) return null;
        Path p = baseDir == null ? Path.of(file) : baseDir.resolve(file);
        if (!Files.isRegularFile(p)) {
            r.problem("dopesheet", "dopesheet file '" + p + "' does not exist");
            return null;
        }
        try {
            return Dopesheet.read(p);
        } catch (RuntimeException e) {
            r.problem("dopesheet", e.getMessage());
            return null;
        }
    }

    private static KeyframeSchedule keyframes(ConfigReader r, String key, ConfigList list, Interpolation interpolation) {
        List<Keyframe> keys = new ArrayList<>();
        for (ConfigValue e : list) {
            if (!(e instanceof ConfigList pair) || pair.size() != 2
                    || pair.stream().anyMatch(x -> x.valueType() != ConfigValueType.NUMBER)) {
                r.problems().add(new ConfigProblem(ConfigReader.where(e.origin()), r.path(key),
                        "each keyframe must be [step, value], but got " + ConfigReader.describe(e)));
                return null;
            }
            double step = ((Number) pair.get(0).unwrapped()).doubleValue();
            double value = ((Number) pair.get(1).unwrapped()).doubleValue();
            if (step != Math.rint(step) || step < 0) {
                r.problems().add(new ConfigProblem(ConfigReader.where(e.origin()), r.path(key),
                        "a keyframe step must be a whole number ≥ 0, but got " + step));
                return null;
            }
            if (!keys.isEmpty() && step <= keys.get(keys.size() - 1).step()) {
                r.problems().add(new ConfigProblem(ConfigReader.where(e.origin()), r.path(key),
                        "keyframe steps must increase, but got " + (int) step + " after "
                                + keys.get(keys.size() - 1).step()));
                return null;
            }
            try {
                keys.add(new Keyframe((int) step, value));
            } catch (IllegalArgumentException ex) {
                r.problems().add(new ConfigProblem(ConfigReader.where(e.origin()), r.path(key), ex.getMessage()));
                return null;
            }
        }
        try {
            return KeyframeSchedule.of(interpolation, keys);
        } catch (IllegalArgumentException ex) {
            r.problem(key, ex.getMessage());
            return null;
        }
    }
}
