package dev.anchorsweep.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.anchorsweep.data.ColorMeasure;
import dev.anchorsweep.data.ColorSpec;
import dev.anchorsweep.data.CurriculumFactor;
import dev.anchorsweep.data.DataPhase;
import dev.anchorsweep.data.LossWeighting;
import dev.anchorsweep.data.SamplingWeight;
import dev.anchorsweep.data.TrainingColors;
import dev.anchorsweep.data.TrainingData;
import dev.anchorsweep.run.NamedPhase;
import dev.anchorsweep.schedule.Dopesheet;
import dev.anchorsweep.schedule.KeyframeSchedule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code training.data} (colours, weights, curriculum, data properties, data phases) and {@code training.phases}
 * (named phases) of a run section; every problem names its file, line and setting and what is valid. The README's
 * "Configuring a run" documents the settings.
 */
public final class TrainingDataParser {

    static final List<String> DATA_KEYS = List.of("colors", "weight", "curriculum", "loss-weighting", "properties",
            "phases");
    static final List<String> PHASE_KEYS = List.of("from", "colors", "batch-size", "weight", "curriculum",
            "loss-weighting");
    static final List<String> FACTOR_KEYS = List.of("measure", "property");
    /** Property names that other settings own. */
    static final List<String> RESERVED = List.of("lr", "recon");

    private final Path baseDir;

    TrainingDataParser(Path baseDir) {
        this.baseDir = baseDir;
    }

    /**
     * {@code training.phases}: {@code [[step, name], …]} or {@code { dopesheet = file }} (the rows whose PHASE cell is
     * non-empty, in order; those at or after {@code steps} are left out); empty when absent; null after a problem.
     */
    List<NamedPhase> phases(ConfigReader t, Integer steps) {
        if (!t.has("phases")) return List.of();
        ConfigValue v = t.value("phases");
        List<NamedPhase> out = new ArrayList<>();
        if (v instanceof ConfigObject o) {
            ConfigReader r = new ConfigReader(o, t.path("phases"), t.problems());
            r.allowOnly(List.of("dopesheet"));
            Dopesheet sheet = dopesheet(r);
            if (sheet == null) return null;
            if (sheet.phases().isEmpty()) {
                r.problem("dopesheet", sheet.sourceName() + " names no phase (its PHASE column is empty)");
                return null;
            }
            sheet.phases().forEach((step, name) -> {
                if (steps == null || step < steps) out.add(new NamedPhase(step, name));
            });
            return out;
        }
        if (!(v instanceof ConfigList list)) {
            t.problem("phases", "must be a list of [step, name] like [[0, \"Primary & secondary\"], [500, \"All hues\"]]"
                    + " or { dopesheet = file }, but got " + ConfigReader.describe(v));
            return null;
        }
        for (ConfigValue e : list) {
            if (!(e instanceof ConfigList pair) || pair.size() != 2 || pair.get(0).valueType() != ConfigValueType.NUMBER
                    || pair.get(1).valueType() != ConfigValueType.STRING
                    || ((String) pair.get(1).unwrapped()).isBlank()) {
                problem(t, e, "phases", "each phase must be [step, name] with a whole step and a non-blank name, but got "
                        + ConfigReader.describe(e));
                return null;
            }
            double step = ((Number) pair.get(0).unwrapped()).doubleValue();
            int last = out.isEmpty() ? -1 : out.get(out.size() - 1).step();
            int max = steps == null ? Integer.MAX_VALUE : steps - 1;
            if (step != Math.rint(step) || step <= last || step > max) {
                problem(t, e, "phases", "phase steps must be whole, increasing and in 0.." + max + " (training.steps − 1),"
                        + " but got " + ConfigReader.describe(pair.get(0)) + (last >= 0 ? " after " + last : ""));
                return null;
            }
            out.add(new NamedPhase((int) step, (String) pair.get(1).unwrapped()));
        }
        return out;
    }

    /** {@code training.data}; {@link TrainingData#DEFAULT} when absent; null after a problem. */
    TrainingData data(ConfigReader t, Integer batchSize, Integer steps, List<NamedPhase> named) {
        if (!t.has("data")) return TrainingData.DEFAULT;
        ConfigReader d = t.child("data");
        if (d == null) return null;
        int before = d.problems().size();
        d.allowOnly(DATA_KEYS);
        ColorSpec colors = d.has("colors") ? colors(d, "colors") : new ColorSpec.TrainingGrid();
        SamplingWeight weight = d.has("weight") ? weight(d) : SamplingWeight.UNIFORM;
        LossWeighting lossWeighting = d.has("loss-weighting") ? lossWeighting(d) : LossWeighting.NONE;
        Map<String, KeyframeSchedule> properties = properties(d);
        List<CurriculumFactor> curriculum = d.has("curriculum") ? curriculum(d, properties) : List.of();
        List<DataPhase> phases = new ArrayList<>();
        if (d.has("phases")) {
            Section section = new Section(colors, batchSize, weight, curriculum, lossWeighting);
            phases = phases(d, section, properties, steps, named == null ? List.of() : named);
        }
        if (d.problems().size() > before || phases == null || batchSize == null) return null;
        try {
            return new TrainingData(colors, weight, curriculum, lossWeighting, properties, phases);
        } catch (IllegalArgumentException e) {
            d.problem(null, e.getMessage());
            return null;
        }
    }

    private static SamplingWeight weight(ConfigReader r) {
        String w = r.choice("weight", SamplingWeight.configNames());
        return w == null ? null : SamplingWeight.fromConfigName(w);
    }

    private static LossWeighting lossWeighting(ConfigReader r) {
        String w = r.choice("loss-weighting", LossWeighting.configNames());
        return w == null ? null : LossWeighting.fromConfigName(w);
    }

    private Map<String, KeyframeSchedule> properties(ConfigReader d) {
        Map<String, KeyframeSchedule> out = new LinkedHashMap<>();
        if (!d.has("properties")) return out;
        ConfigReader p = d.child("properties");
        if (p == null) return null;
        boolean ok = true;
        // config order: a ConfigObject's keys are unordered, so take them by line, then name
        List<String> names = new ArrayList<>(p.object().keySet());
        names.sort(java.util.Comparator.<String>comparingInt(n -> p.value(n).origin().lineNumber())
                .thenComparing(n -> n));
        for (String name : names) {
            if (RESERVED.contains(name)) {
                p.problem(name, "'" + name + "' names " + (name.equals("lr") ? "the learning rate" : "the reconstruction"
                        + " weight") + "; data properties need other names (e.g. data-fraction)");
                ok = false;
                continue;
            }
            KeyframeSchedule s = ScheduleParser.parse(p, name, baseDir);
            if (s == null) ok = false;
            else out.put(name, s);
        }
        return ok ? out : null;
    }

    private static List<CurriculumFactor> curriculum(ConfigReader r, Map<String, KeyframeSchedule> properties) {
        ConfigValue v = r.value("curriculum");
        if (!(v instanceof ConfigList list)) {
            r.problem("curriculum", "must be a list of { measure, property } like [{ measure = vibrancy, property ="
                    + " data-fraction }], but got " + ConfigReader.describe(v));
            return null;
        }
        List<CurriculumFactor> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            ConfigValue e = list.get(i);
            String path = r.path("curriculum") + "[" + i + "]";
            if (!(e instanceof ConfigObject o)) {
                problem(r, e, "curriculum", "each factor must be { measure, property }, but got " + ConfigReader.describe(e));
                ok = false;
                continue;
            }
            ConfigReader f = new ConfigReader(o, path, r.problems());
            f.allowOnly(FACTOR_KEYS);
            String measure = f.choice("measure", ColorMeasure.configNames());
            String property = f.string("property");
            if (property != null && (properties == null || !properties.containsKey(property))) {
                f.problem("property", "'" + property + "' is not a data property" + (properties == null
                        || properties.isEmpty() ? "; define it under training.data.properties"
                        : DidYouMean.hint(property, properties.keySet()) + " (defined: "
                        + String.join(", ", properties.keySet()) + ")"));
                ok = false;
                continue;
            }
            if (measure == null || property == null) {
                ok = false;
                continue;
            }
            out.add(new CurriculumFactor(ColorMeasure.fromConfigName(measure), property));
        }
        return ok ? out : null;
    }

    /** The section's settings a phase inherits; null where the section's own setting had a problem. */
    private record Section(ColorSpec colors, Integer batchSize, SamplingWeight weight, List<CurriculumFactor> curriculum,
                           LossWeighting lossWeighting) {}

    private List<DataPhase> phases(ConfigReader d, Section section, Map<String, KeyframeSchedule> properties,
                                   Integer steps, List<NamedPhase> named) {
        ConfigValue v = d.value("phases");
        if (!(v instanceof ConfigList list)) {
            d.problem("phases", "must be a list of phases like [{ from = 0, batch-size = full }, { from = 500 }], but got "
                    + ConfigReader.describe(v));
            return null;
        }
        List<DataPhase> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            ConfigValue e = list.get(i);
            if (!(e instanceof ConfigObject o)) {
                problem(d, e, "phases", "each phase must be an object { from, … }, but got " + ConfigReader.describe(e));
                ok = false;
                continue;
            }
            ConfigReader p = new ConfigReader(o, d.path("phases") + "[" + i + "]", d.problems());
            p.allowOnly(PHASE_KEYS);
            Integer from = from(p, steps, named);
            ColorSpec colors = p.has("colors") ? colors(p, "colors") : section.colors();
            Integer batch = p.has("batch-size") ? batchSize(p) : section.batchSize();
            SamplingWeight weight = p.has("weight") ? weight(p) : section.weight();
            LossWeighting lw = p.has("loss-weighting") ? lossWeighting(p) : section.lossWeighting();
            List<CurriculumFactor> curriculum = p.has("curriculum") ? curriculum(p, properties) : section.curriculum();
            if (from == null || colors == null || batch == null || weight == null || lw == null || curriculum == null) {
                ok = false;
                continue;
            }
            if (!out.isEmpty() && from <= out.get(out.size() - 1).from()) {
                p.problem("from", "data phases must start at increasing steps, but got " + from + " after "
                        + out.get(out.size() - 1).from());
                ok = false;
                continue;
            }
            out.add(new DataPhase(from, colors, batch, weight, curriculum, lw));
        }
        return ok ? out : null;
    }

    /** A phase's {@code from}: a step, or the name of a phase of {@code training.phases} (its first step). */
    private static Integer from(ConfigReader p, Integer steps, List<NamedPhase> named) {
        ConfigValue v = p.value("from");
        if (v != null && v.valueType() == ConfigValueType.STRING) {
            String name = (String) v.unwrapped();
            var match = named.stream().filter(n -> n.name().equals(name)).findFirst();
            if (match.isEmpty()) {
                List<String> names = named.stream().map(NamedPhase::name).distinct().toList();
                p.problem("from", "'" + name + "' is not a phase of training.phases" + (names.isEmpty() ? " (none is named)"
                        : DidYouMean.hint(name, names) + " (named: " + String.join(", ", names) + ")"));
                return null;
            }
            return match.get().step();
        }
        return p.integer("from", 0, steps == null ? Integer.MAX_VALUE : steps - 1);
    }

    private static Integer batchSize(ConfigReader p) {
        ConfigValue v = p.value("batch-size");
        if (v.valueType() == ConfigValueType.STRING) {
            if (v.unwrapped().equals("full")) return DataPhase.FULL;
            p.problem("batch-size", "must be a whole number in 1.." + (1 << 20) + " or full, but got "
                    + ConfigReader.describe(v));
            return null;
        }
        return p.integer("batch-size", 1, 1 << 20);
    }

    /**
     * A colour set at {@code key}: {@code { type = grid }} (training.grid), {@code { type = rgb-grid, subdivisions }},
     * {@code { type = hsv-cube, hues, saturations, values }} (counts) or {@code { type = hsv, hues, saturations,
     * values }} (each a number, a list, {@code { from, to, step }} (to excluded) or {@code { from, to, count }} (to
     * included); hues in degrees; saturations and values default to [1]). Null after a problem.
     */
    public static ColorSpec colors(ConfigReader parent, String key) {
        ConfigReader c = parent.child(key);
        if (c == null) return null;
        String type = c.choice("type", ColorSpec.TYPES);
        if (type == null) return null;
        int before = c.problems().size();
        try {
            switch (type) {
                case "grid" -> {
                    c.allowOnly(List.of("type"));
                    return c.problems().size() > before ? null : new ColorSpec.TrainingGrid();
                }
                case "rgb-grid" -> {
                    c.allowOnly(List.of("type", "subdivisions"));
                    Integer n = c.integer("subdivisions", 2, 256);
                    return n == null || c.problems().size() > before ? null : new ColorSpec.RgbGrid(n);
                }
                case "hsv-cube" -> {
                    c.allowOnly(List.of("type", "hues", "saturations", "values"));
                    Integer h = c.integer("hues", 1, 3600);
                    Integer s = c.integer("saturations", 1, 1000);
                    Integer v = c.integer("values", 1, 1000);
                    if (h == null || s == null || v == null || c.problems().size() > before) return null;
                    return new ColorSpec.HsvCube(h, s, v);
                }
                default -> {
                    c.allowOnly(List.of("type", "hues", "saturations", "values"));
                    List<Double> h = axis(c, "hues", null);
                    List<Double> s = axis(c, "saturations", 1.0);
                    List<Double> v = axis(c, "values", 1.0);
                    if (h == null || s == null || v == null || c.problems().size() > before) return null;
                    return new ColorSpec.HsvAxes(h, s, v);
                }
            }
        } catch (IllegalArgumentException e) {
            c.problem(null, e.getMessage());
            return null;
        }
    }

    /** One HSV axis: a number, a list of numbers, or a range; {@code missing} when absent (null: required). */
    private static List<Double> axis(ConfigReader c, String key, Double missing) {
        if (!c.has(key)) {
            if (missing != null) return List.of(missing);
            c.problem(null, "needs '" + key + "' (a list like [0, 60, 120] or a range like { from = 0, to = 360,"
                    + " step = 30 })");
            return null;
        }
        ConfigValue v = c.value(key);
        if (v.valueType() == ConfigValueType.NUMBER) return List.of(((Number) v.unwrapped()).doubleValue());
        if (v instanceof ConfigObject o) {
            ConfigReader r = new ConfigReader(o, c.path(key), c.problems());
            r.allowOnly(List.of("from", "to", "step", "count"));
            if (r.has("step") == r.has("count")) {
                r.problem(null, "a range needs from, to and either step (to excluded, like numpy.arange) or count (to"
                        + " included, like numpy.linspace)");
                return null;
            }
            Double from = r.number("from", -1e6, 1e6);
            Double to = r.number("to", -1e6, 1e6);
            if (from == null || to == null) return null;
            List<Double> out = new ArrayList<>();
            if (r.has("step")) {
                Double step = r.number("step", 1e-9, 1e6);
                if (step == null) return null;
                long n = (long) Math.ceil((to - from) / step);
                if (n < 1 || n > TrainingColors.MAX_COLORS) {
                    r.problem("step", "the range from " + from + " to " + to + " (excluded) by " + step + " has " + n
                            + " values; it needs 1.." + TrainingColors.MAX_COLORS);
                    return null;
                }
                for (long k = 0; k < n; k++) out.add(from + k * step);
            } else {
                Integer count = r.integer("count", 1, TrainingColors.MAX_COLORS);
                if (count == null) return null;
                for (double x : dev.anchorsweep.color.ColorSets.linspace(from, to, count)) out.add(x);
                if (count == 1) out.set(0, from);
            }
            return out;
        }
        double[] xs = c.numbers(key);
        if (xs == null) return null;
        if (xs.length == 0) {
            c.problem(key, "needs at least one number");
            return null;
        }
        List<Double> out = new ArrayList<>();
        for (double x : xs) out.add(x);
        return out;
    }

    private Dopesheet dopesheet(ConfigReader r) {
        return ScheduleParser.dopesheet(r, baseDir);
    }

    private static void problem(ConfigReader r, ConfigValue at, String key, String message) {
        r.problems().add(new ConfigProblem(ConfigReader.where(at.origin()), r.path(key), message));
    }
}
