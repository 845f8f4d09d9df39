package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.anchorsweep.config.ConfigProblem;
import dev.anchorsweep.config.ConfigReader;
import dev.anchorsweep.sweep.sampling.Distribution;
import dev.anchorsweep.sweep.sampling.SamplingMethod;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads the {@code samples} section of a sweep file and draws its points, recording every problem with its file,
 * line and path. Whether a setting fits the run (its path exists, its keyframe index is in range, its steps keep the
 * keys in order) depends on the variant and is checked when the grid is expanded.
 *
 * <pre>
 * samples {
 *   points = 64, method = sobol, seed = 1          # sobol (default) | latin-hypercube | random; seed default 0
 *   settings {                                     # taking the sequence's dimensions in name order
 *     "regularizers.anchor.weight[2].value" { distribution = log-uniform, min = 0.01, max = 1 }
 *     "regularizers.anti-subspace.weight[-1].step" { distribution = int-uniform, min = 800, max = 1500 }
 *     "model.latent-dim" { distribution = choice, values = [4, 5, 6] }
 *   }
 * }
 * </pre>
 */
final class SampleReader {

    static final String SECTION = "samples";
    static final List<String> KEYS = List.of("points", "method", "seed", "settings");

    private final List<ConfigProblem> problems;
    private final Path baseDir;

    SampleReader(List<ConfigProblem> problems, Path baseDir) {
        this.problems = problems;
        this.baseDir = baseDir;
    }

    /** The sampled points of a sweep file; null when it has no samples section, or after recording its problems. */
    SampleAxis read(ConfigReader root) {
        if (!root.has(SECTION)) return null;
        ConfigReader s = root.child(SECTION);
        if (s == null) return null;
        int before = problems.size();
        s.allowOnly(KEYS);
        Integer points = null;
        if (s.has("points")) points = s.integer("points", 1, SweepPlanner.MAX_RUNS);
        else s.problem(null, "needs 'points', how many points to draw, e.g. points = 64");
        SamplingMethod method = SamplingMethod.SOBOL;
        if (s.has("method")) {
            String name = s.choice("method", SamplingMethod.configNames());
            method = name == null ? null : SamplingMethod.fromConfigName(name);
        }
        Integer seed = s.has("seed") ? s.integer("seed", 0, Integer.MAX_VALUE) : Integer.valueOf(0);
        List<SampledSetting> settings = settings(s);
        if (problems.size() > before || points == null || method == null || seed == null) return null;
        AxisSource source = new AxisSource(ConfigReader.where(s.object().origin()), s.path());
        try {
            return SampleAxis.draw(method, seed, points, settings, source, baseDir);
        } catch (IllegalArgumentException e) {
            s.problem("seed", e.getMessage());
            return null;
        }
    }

    private List<SampledSetting> settings(ConfigReader s) {
        if (!s.has("settings")) {
            s.problem(null, "needs 'settings': the settings to sample, e.g. settings { \"regularizers.anchor.weight[2]"
                    + ".value\" { distribution = log-uniform, min = 0.01, max = 1 } }");
            return List.of();
        }
        ConfigReader settings = s.child("settings");
        if (settings == null) return List.of();
        TreeMap<String, ConfigObject> found = new TreeMap<>();
        walk(settings.object(), List.of(), found);
        if (found.isEmpty() && settings.object().isEmpty()) {
            settings.problem(null, "no settings to sample: name at least one, e.g. \"model.latent-dim\" {"
                    + " distribution = choice, values = [4, 5] }");
        }
        List<SampledSetting> out = new ArrayList<>();
        found.forEach((name, object) -> {
            SampledSetting setting = setting(name, object);
            if (setting != null) out.add(setting);
        });
        overlapping(out);
        return out;
    }

    /** Follows nested keys (an unquoted path nests in HOCON) down to objects with a {@code distribution}. */
    private void walk(ConfigObject object, List<String> prefix, TreeMap<String, ConfigObject> out) {
        for (String key : object.keySet()) {
            ConfigValue v = object.get(key);
            List<String> segments = new ArrayList<>(prefix);
            segments.addAll(RunPaths.segments(key));
            String name = String.join(".", segments);
            if (v instanceof ConfigObject o && o.containsKey("distribution")) {
                out.put(name, o);
            } else if (v instanceof ConfigObject o && !o.isEmpty()
                    && o.values().stream().allMatch(x -> x instanceof ConfigObject)) {
                walk(o, segments, out);
            } else {
                problem(v, configPath(name), "a sampled setting must be an object like { distribution = uniform,"
                        + " min = 0.01, max = 1 } (distribution: " + String.join(", ", Distribution.NAMES) + "), but got "
                        + ConfigReader.describe(v));
            }
        }
    }

    private SampledSetting setting(String name, ConfigObject object) {
        String configPath = configPath(name);
        ConfigReader r = new ConfigReader(object, configPath, problems);
        KeyframeAddress keyframe = KeyframeAddress.parse(name);
        if (keyframe == null && KeyframeAddress.looksLikeOne(name)) {
            problem(object, configPath, "a keyframe is addressed as <schedule>[i].value or <schedule>[i].step (i from"
                    + " 0, or negative from the end), e.g. regularizers.anchor.weight[2].value, but got '" + name + "'");
            return null;
        }
        if (name.equals("seed")) {
            problem(object, configPath, "the seed is an axis of its own: vary it with grid.seeds");
            return null;
        }
        Distribution distribution = distribution(r);
        if (distribution == null) return null;
        return new SampledSetting(name, keyframe, distribution,
                new AxisSource(ConfigReader.where(object.origin()), configPath), object.origin());
    }

    private Distribution distribution(ConfigReader r) {
        String kind = r.choice("distribution", Distribution.NAMES);
        if (kind == null) return null;
        r.allowOnly(kind.equals("choice") ? List.of("distribution", "values") : List.of("distribution", "min", "max"));
        int before = problems.size();
        try {
            switch (kind) {
                case "uniform", "log-uniform" -> {
                    Double min = r.number("min", -Double.MAX_VALUE, Double.MAX_VALUE);
                    Double max = r.number("max", -Double.MAX_VALUE, Double.MAX_VALUE);
                    if (min == null || max == null || problems.size() > before) return null;
                    return kind.equals("uniform") ? new Distribution.Uniform(min, max)
                            : new Distribution.LogUniform(min, max);
                }
                case "int-uniform" -> {
                    Integer min = r.integer("min", Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1);
                    Integer max = r.integer("max", Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1);
                    if (min == null || max == null || problems.size() > before) return null;
                    return new Distribution.IntUniform(min, max);
                }
                default -> {
                    List<Number> values = choiceValues(r);
                    if (values == null || problems.size() > before) return null;
                    return new Distribution.Choice(values);
                }
            }
        } catch (IllegalArgumentException e) {
            r.problem(kind.equals("choice") ? "values" : "min", e.getMessage());
            return null;
        }
    }

    private List<Number> choiceValues(ConfigReader r) {
        ConfigValue v = r.value("values");
        if (v == null) {
            r.problem(null, "needs 'values', the numbers to choose from, e.g. values = [4, 5, 6]");
            return null;
        }
        if (!(v instanceof ConfigList list) || list.isEmpty()) {
            r.problem("values", "must be a non-empty list of numbers like [4, 5, 6], but got " + ConfigReader.describe(v));
            return null;
        }
        List<Number> out = new ArrayList<>();
        for (ConfigValue e : list) {
            if (e.valueType() != ConfigValueType.NUMBER) {
                problem(e, r.path("values"), "sampled settings are numbers, but one value is " + ConfigReader.describe(e)
                        + " (vary strings and booleans with grid.settings)");
                return null;
            }
            out.add((Number) e.unwrapped());
        }
        return out;
    }

    /** A scalar setting that is also a schedule some other sampled setting addresses a keyframe of. */
    private void overlapping(List<SampledSetting> settings) {
        for (SampledSetting a : settings) {
            if (a.keyframe() != null) continue;
            for (SampledSetting b : settings) {
                if (b == a) continue;
                String p = b.path();
                if (p.equals(a.path()) || p.startsWith(a.path() + ".") || a.path().startsWith(p + ".")) {
                    problems.add(new ConfigProblem(a.source().origin(), a.source().configPath(), "'" + a.name()
                            + "' overlaps '" + b.name() + "', also sampled: each setting may be sampled once"));
                }
            }
        }
    }

    private static String configPath(String name) {
        return SECTION + ".settings." + ConfigUtil.quoteString(name);
    }

    private void problem(ConfigValue at, String path, String message) {
        problems.add(new ConfigProblem(at == null ? null : ConfigReader.where(at.origin()), path, message));
    }
}
