package dev.anchorsweep.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, validating access to one object of a HOCON config. Every bad or missing value becomes a
 * {@link ConfigProblem} naming the file and line, the full setting path, the bad value and what is valid; the getter
 * then returns null so that reading goes on and every problem of a config is reported at once.
 */
public final class ConfigReader {

    private final ConfigObject object;
    private final String path;
    private final List<ConfigProblem> problems;

    public ConfigReader(ConfigObject object, String path, List<ConfigProblem> problems) {
        this.object = object;
        this.path = path;
        this.problems = problems;
    }

    public String path() {
        return path;
    }

    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public ConfigObject object() {
        return object;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    public boolean has(String key) {
        ConfigValue v = object.get(key);
        return v != null && v.valueType() != ConfigValueType.NULL;
    }

    public ConfigValue value(String key) {
        return object.get(key);
    }

    public Set<String> keys() {
        return new TreeSet<>(object.keySet());
    }

    /** Reports every key not in {@code allowed}, with the closest valid one. */
    public void allowOnly(Collection<String> allowed) {
        for (String key : keys()) {
            if (!allowed.contains(key)) {
                problem(key, "unknown setting '" + key + "'" + DidYouMean.hint(key, allowed) + " (valid here: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    public void problem(String key, String message) {
        ConfigValue v = key == null ? null : object.get(key);
        problems.add(new ConfigProblem(where(v != null ? v.origin() : object.origin()),
                key == null ? path : path(key), message));
    }

    public static String where(ConfigOrigin origin) {
        if (origin == null) return null;
        String file = origin.filename() != null ? origin.filename()
                : origin.resource() != null ? origin.resource() : null;
        if (file == null) return origin.description();
        return origin.lineNumber() > 0 ? file + ":" + origin.lineNumber() : file;
    }

    /** The child object {@code key}, or null (with a problem) if it is missing or not an object. */
    public ConfigReader child(String key) {
        ConfigValue v = object.get(key);
        if (v == null) {
            problem(null, "needs a '" + key + "' section");
            return null;
        }
        if (!(v instanceof ConfigObject o)) {
            problem(key, "must be an object { ... }, but got " + describe(v));
            return null;
        }
        return new ConfigReader(o, path(key), problems);
    }

    public Integer integer(String key, int min, int max) {
        ConfigValue v = required(key);
        if (v == null) return null;
        if (v.valueType() != ConfigValueType.NUMBER || !isWhole(((Number) v.unwrapped()).doubleValue())) {
            problem(key, "must be a whole number in " + min + ".." + max + ", but got " + describe(v));
            return null;
        }
        long n = ((Number) v.unwrapped()).longValue();
        if (n < min || n > max) {
            problem(key, "must be in " + min + ".." + max + ", but got " + n);
            return null;
        }
        return (int) n;
    }

    public Double number(String key, double min, double max) {
        ConfigValue v = required(key);
        if (v == null) return null;
        if (v.valueType() != ConfigValueType.NUMBER) {
            problem(key, "must be a number in [" + min + ", " + max + "], but got " + describe(v));
            return null;
        }
        double d = ((Number) v.unwrapped()).doubleValue();
        if (!(d >= min && d <= max)) {
            problem(key, "must be in [" + min + ", " + max + "], but got " + d);
            return null;
        }
        return d;
    }

    public Boolean bool(String key) {
        ConfigValue v = required(key);
        if (v == null) return null;
        if (v.valueType() != ConfigValueType.BOOLEAN) {
            problem(key, "must be true or false, but got " + describe(v));
            return null;
        }
        return (Boolean) v.unwrapped();
    }

    public String string(String key) {
        ConfigValue v = required(key);
        if (v == null) return null;
        if (v.valueType() != ConfigValueType.STRING) {
            problem(key, "must be a string, but got " + describe(v));
            return null;
        }
        return (String) v.unwrapped();
    }

    /** A string that must be one of {@code valid}. */
    public String choice(String key, Collection<String> valid) {
        String s = string(key);
        if (s == null) return null;
        if (!valid.contains(s)) {
            problem(key, "'" + s + "' is not valid" + DidYouMean.hint(s, valid) + " (valid: " + String.join(", ", valid)
                    + ")");
            return null;
        }
        return s;
    }

    /** A list of numbers, e.g. a direction. */
    public double[] numbers(String key) {
        ConfigValue v = required(key);
        if (v == null) return null;
        if (!(v instanceof ConfigList list) || list.stream().anyMatch(e -> e.valueType() != ConfigValueType.NUMBER)) {
            problem(key, "must be a list of numbers like [1, 0, 0, 0], but got " + describe(v));
            return null;
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) list.get(i).unwrapped()).doubleValue();
        return out;
    }

    /** A list of whole numbers, e.g. latent dims. */
    public int[] integers(String key) {
        double[] d = numbers(key);
        if (d == null) return null;
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            if (!isWhole(d[i])) {
                problem(key, "must be a list of whole numbers, but got " + describe(object.get(key)));
                return null;
            }
            out[i] = (int) d[i];
        }
        return out;
    }

    /** A list of strings, each one of {@code valid} (or anything when {@code valid} is null). */
    public List<String> strings(String key, Collection<String> valid) {
        ConfigValue v = required(key);
        if (v == null) return null;
        if (!(v instanceof ConfigList list) || list.stream().anyMatch(e -> e.valueType() != ConfigValueType.STRING)) {
            problem(key, "must be a list of names like [a, b], but got " + describe(v));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (ConfigValue e : list) {
            String s = (String) e.unwrapped();
            if (valid != null && !valid.contains(s)) {
                problems.add(new ConfigProblem(where(e.origin()), path(key), "'" + s + "' is not valid"
                        + DidYouMean.hint(s, valid) + " (valid: " + String.join(", ", valid) + ")"));
                return null;
            }
            out.add(s);
        }
        return out;
    }

    private ConfigValue required(String key) {
        ConfigValue v = object.get(key);
        if (v == null || v.valueType() == ConfigValueType.NULL) {
            problem(null, "needs '" + key + "'");
            return null;
        }
        return v;
    }

    private static boolean isWhole(double d) {
        return d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE;
    }

    /** A short rendering of a value for messages: its HOCON text and type. */
    public static String describe(ConfigValue v) {
        if (v == null) return "nothing";
        String text = v.render(com.typesafe.config.ConfigRenderOptions.concise());
        if (text.length() > 80) text = text.substring(0, 77) + "...";
        return text + " (" + v.valueType().name().toLowerCase() + ")";
    }
}
