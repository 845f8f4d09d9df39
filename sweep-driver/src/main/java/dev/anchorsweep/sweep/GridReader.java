package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.anchorsweep.config.ConfigProblem;
import dev.anchorsweep.config.ConfigReader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the {@code grid} section of a sweep file into its axes, recording every problem with its file, line and path.
 * Whether an axis fits the run (its paths exist, its regularizers are defined) depends on the variant and is checked
 * when the grid is expanded.
 */
final class GridReader {

    static final List<String> KEYS = List.of("seeds", "regularizer-subsets", "regularizer-sets", "schedules",
            "settings", "variants");
    /** Names of variants and alternative schedules: they appear in arm names, so no spaces, commas or '='. */
    static final Pattern VALUE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

    private final List<ConfigProblem> problems;
    private final Set<String> runKeys;

    /** @param runKeys the keys of a run section (seed, model, training, ...): they mark where a variant begins */
    GridReader(List<ConfigProblem> problems, Set<String> runKeys) {
        this.problems = problems;
        this.runKeys = runKeys;
    }

    /**
     * The grid of a sweep file. An axis with a problem is left out (the problem is recorded), so that the rest can
     * still be expanded and checked; when the seeds have a problem, the grid runs seed 0. Null when the grid has more
     * runs than a sweep may plan, or its variants have a problem.
     *
     * @param root    the sweep file's root
     * @param baseRun its run section merged with the defaults (for the default seed)
     * @param samples the sweep's sampled points (crossed with the grid as its last arm axis), or null
     */
    Grid read(ConfigReader root, ConfigObject baseRun, SampleAxis samples) {
        ConfigReader g = root.has("grid") ? root.child("grid")
                : new ConfigReader(ConfigFactory.empty("no grid section").root(), "grid", problems);
        if (g == null) g = new ConfigReader(ConfigFactory.empty("unusable grid section").root(), "grid", problems);
        g.allowOnly(KEYS);
        SeedAxis seeds = new SeedReader(problems).read(g, baseRun);
        if (seeds == null) seeds = new SeedAxis(List.of(0), new AxisSource(null, g.path("seeds")));
        List<SweepAxis> armAxes = new ArrayList<>();
        VariantAxis variants = g.has("variants") ? variants(g) : null;
        addIfPresent(armAxes, variants);
        addIfPresent(armAxes, regularizers(g));
        if (g.has("schedules")) armAxes.addAll(schedules(g));
        if (g.has("settings")) armAxes.addAll(settings(g));
        armAxes.removeAll(overlapping(armAxes));
        if (samples != null && samplesFit(samples, armAxes)) armAxes.add(samples);
        if (g.has("variants") && variants == null) return null;  // the base run may rely on its variants
        Grid grid = new Grid(armAxes, seeds);
        if (grid.runCount() > SweepPlanner.MAX_RUNS) {
            g.problem(null, "the grid has " + (grid.runCount() == Long.MAX_VALUE ? "too many" : grid.runCount())
                    + " runs (" + grid.armCount() + " arms × " + seeds.size() + " seeds), more than the "
                    + SweepPlanner.MAX_RUNS + " one sweep may plan; split it into several sweeps");
            return null;
        }
        return grid;
    }

    private static void addIfPresent(List<SweepAxis> axes, SweepAxis axis) {
        if (axis != null) axes.add(axis);
    }

    // ---- regularizers

    private RegularizerAxis regularizers(ConfigReader g) {
        boolean subsets = g.has("regularizer-subsets");
        boolean sets = g.has("regularizer-sets");
        if (subsets && sets) {
            g.problem("regularizer-sets", "give either regularizer-subsets or regularizer-sets, not both (both choose"
                    + " which regularizers each arm keeps)");
            return null;
        }
        if (subsets) return regularizerSubsets(g);
        if (sets) return regularizerSets(g);
        return null;
    }

    private RegularizerAxis regularizerSubsets(ConfigReader g) {
        String key = "regularizer-subsets";
        List<String> listed = g.strings(key, null);
        if (listed == null) return null;
        if (listed.isEmpty()) {
            g.problem(key, "the grid has no runs: regularizer-subsets is an empty list, and its arms are the non-empty"
                    + " subsets of the regularizers it lists; list at least one, e.g. [anchor, separate]");
            return null;
        }
        String repeated = firstRepeat(listed);
        if (repeated != null) {
            g.problem(key, "must list each regularizer once, but '" + repeated + "' appears twice in " + listed);
            return null;
        }
        long arms = listed.size() >= 62 ? Long.MAX_VALUE : (1L << listed.size()) - 1;
        if (arms > SweepPlanner.MAX_RUNS) {
            g.problem(key, listed.size() + " regularizers give 2^" + listed.size() + " − 1 = " + arms
                    + " arms, more than the " + SweepPlanner.MAX_RUNS + " runs one sweep may plan");
            return null;
        }
        return RegularizerAxis.subsets(listed, source(g, key));
    }

    private RegularizerAxis regularizerSets(ConfigReader g) {
        String key = "regularizer-sets";
        ConfigValue v = g.value(key);
        String path = g.path(key);
        String form = "a list of sets of regularizer names like [[anchor], [anchor, separate]]";
        if (!(v instanceof ConfigList list)) {
            problem(v, path, "must be " + form + ", but got " + ConfigReader.describe(v));
            return null;
        }
        if (list.isEmpty()) {
            problem(v, path, "the grid has no runs: regularizer-sets is an empty list; give at least one set, e.g."
                    + " [[anchor], [anchor, separate]]");
            return null;
        }
        List<List<String>> sets = new ArrayList<>();
        List<Set<String>> seen = new ArrayList<>();
        for (ConfigValue e : list) {
            if (!(e instanceof ConfigList set) || set.stream().anyMatch(x -> x.valueType() != ConfigValueType.STRING)) {
                problem(e, path, "must be " + form + ", but one set is " + ConfigReader.describe(e));
                return null;
            }
            List<String> names = set.stream().map(x -> (String) x.unwrapped()).toList();
            String repeated = firstRepeat(names);
            if (repeated != null) {
                problem(e, path, "a set must list each regularizer once, but '" + repeated + "' appears twice in "
                        + names);
                return null;
            }
            if (seen.contains(new HashSet<>(names))) {
                problem(e, path, "each set must be different, but " + names + " appears twice");
                return null;
            }
            seen.add(new HashSet<>(names));
            sets.add(names);
        }
        return RegularizerAxis.of(sets, new AxisSource(ConfigReader.where(v.origin()), path));
    }

    // ---- schedules

    private List<ScheduleAxis> schedules(ConfigReader g) {
        ConfigReader s = g.child("schedules");
        List<ScheduleAxis> out = new ArrayList<>();
        if (s != null) walkSchedules(s.object(), List.of(), out);
        return out;
    }

    /** Follows nested keys (an unquoted path {@code regularizers.anchor.weight { ... }} nests) down to a schedule. */
    private void walkSchedules(ConfigObject object, List<String> prefix, List<ScheduleAxis> out) {
        for (String key : new TreeSet<>(object.keySet())) {
            ConfigValue v = object.get(key);
            List<String> segments = concat(prefix, RunPaths.segments(key));
            String path = String.join(".", segments);
            String configPath = "grid.schedules." + ConfigUtil.joinPath(path);
            if (RunPaths.isSchedule(segments)) {
                ScheduleAxis axis = scheduleAxis(v, path, configPath);
                if (axis != null) out.add(axis);
            } else if (RunPaths.leadsToSchedule(segments) && v instanceof ConfigObject nested && !nested.isEmpty()) {
                walkSchedules(nested, segments, out);
            } else {
                problem(v, configPath, "'" + path + "' is not a schedule: the schedules of a run are training.lr and"
                        + " regularizers.<name>.weight (vary other scalar settings with grid.settings)");
            }
        }
    }

    private ScheduleAxis scheduleAxis(ConfigValue v, String path, String configPath) {
        if (!(v instanceof ConfigObject alternatives)) {
            problem(v, configPath, "must be an object of named alternative schedules like { early = [[0, 0.1], [500, 0]],"
                    + " late = 0.01 }, but got " + ConfigReader.describe(v));
            return null;
        }
        if (alternatives.isEmpty()) {
            problem(v, configPath, "the grid has no runs: no alternative schedules are given for " + path
                    + "; name at least one, e.g. { early = [[0, 0.1], [500, 0]] }");
            return null;
        }
        TreeMap<String, ConfigValue> sorted = new TreeMap<>(alternatives);
        if (!validNames(sorted.keySet(), alternatives, configPath, "schedule")) return null;
        return new ScheduleAxis(path, List.copyOf(sorted.keySet()), List.copyOf(sorted.values()),
                new AxisSource(ConfigReader.where(v.origin()), configPath));
    }

    // ---- settings

    private List<SettingAxis> settings(ConfigReader g) {
        ConfigReader s = g.child("settings");
        List<SettingAxis> out = new ArrayList<>();
        if (s != null) walkSettings(s.object(), List.of(), out);
        return out;
    }

    /** Follows nested keys (an unquoted path {@code model.latent-dim = [4, 5]} nests) down to a list of values. */
    private void walkSettings(ConfigObject object, List<String> prefix, List<SettingAxis> out) {
        for (String key : new TreeSet<>(object.keySet())) {
            ConfigValue v = object.get(key);
            List<String> segments = concat(prefix, RunPaths.segments(key));
            String path = String.join(".", segments);
            String configPath = "grid.settings." + ConfigUtil.joinPath(path);
            if (v instanceof ConfigObject nested && !nested.isEmpty()) {
                walkSettings(nested, segments, out);
            } else if (!(v instanceof ConfigList values)) {
                problem(v, configPath, "must be a list of values like [4, 5], but got " + ConfigReader.describe(v));
            } else if (path.equals("seed")) {
                problem(v, configPath, "the seed is an axis of its own: vary it with grid.seeds");
            } else if (values.isEmpty()) {
                problem(v, configPath, "the grid has no runs: " + path + " has an empty list of values; give at least"
                        + " one");
            } else {
                SettingAxis axis = settingAxis(values, path, configPath);
                if (axis != null) out.add(axis);
            }
        }
    }

    private SettingAxis settingAxis(ConfigList values, String path, String configPath) {
        Set<String> labels = new HashSet<>();
        for (ConfigValue e : values) {
            if (!SettingAxis.SCALARS.contains(e.valueType())) {
                problem(e, configPath, "settings vary one scalar setting, so each value must be a number, a string or"
                        + " true/false, but got " + ConfigReader.describe(e) + " (vary lists and objects with"
                        + " grid.variants, schedules with grid.schedules)");
                return null;
            }
            if (!labels.add(SettingAxis.label(e))) {
                problem(e, configPath, "each value must be different, but " + SettingAxis.label(e) + " appears twice");
                return null;
            }
        }
        return new SettingAxis(path, values, new AxisSource(ConfigReader.where(values.origin()), configPath));
    }

    // ---- variants

    private VariantAxis variants(ConfigReader g) {
        ConfigReader v = g.child("variants");
        if (v == null) return null;
        if (v.object().isEmpty()) {
            v.problem(null, "the grid has no runs: grid.variants is empty; name at least one variant, e.g."
                    + " ex-2.4.1 { include \"runs/ex-2.4.1.conf\" }");
            return null;
        }
        TreeMap<String, ConfigObject> variants = new TreeMap<>();
        walkVariants(v.object(), "", variants);
        if (variants.isEmpty()) return null;
        if (!validNames(variants.keySet(), v.object(), v.path(), "variant")) return null;
        return new VariantAxis(List.copyOf(variants.keySet()), List.copyOf(variants.values()),
                new AxisSource(ConfigReader.where(v.object().origin()), v.path()));
    }

    /**
     * A variant is an object of run settings. An unquoted name with dots ({@code ex-2.4.1 { ... }}) nests in HOCON
     * ({@code ex-2 { 4 { 1 { ... } } }}): an object without run settings whose values are all objects is followed
     * down, and the keys on the way make the name.
     */
    private void walkVariants(ConfigObject object, String prefix, TreeMap<String, ConfigObject> out) {
        for (String key : new TreeSet<>(object.keySet())) {
            ConfigValue v = object.get(key);
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            String configPath = "grid.variants." + ConfigUtil.joinPath(name);
            if (!(v instanceof ConfigObject settings)) {
                problem(v, configPath, "a variant must be an object of run settings like { model.latent-dim = 5 } or"
                        + " { include \"runs/ex-2.4.1.conf\" }, but got " + ConfigReader.describe(v));
            } else if (settings.isEmpty() || settings.keySet().stream().anyMatch(runKeys::contains)) {
                if (settings.containsKey("seed")) {
                    problem(settings.get("seed"), configPath + ".seed", "a variant cannot set the seed: every run's"
                            + " seed comes from grid.seeds");
                } else {
                    out.put(name, settings);
                }
            } else if (settings.values().stream().allMatch(x -> x instanceof ConfigObject)) {
                walkVariants(settings, name, out);
            } else {
                problem(v, configPath, "a variant must hold run settings (" + String.join(", ", new TreeSet<>(runKeys))
                        + "), but '" + name + "' holds only " + new TreeSet<>(settings.keySet()));
            }
        }
    }

    // ---- shared

    /** Records a problem for every name that cannot appear in an arm name ({@code owner}: the object naming them). */
    private boolean validNames(Set<String> names, ConfigObject owner, String configPath, String what) {
        boolean ok = true;
        for (String name : names) {
            if (!VALUE_NAME.matcher(name).matches()) {
                ConfigValue at = owner.get(name);
                problems.add(new ConfigProblem(ConfigReader.where((at == null ? owner : at).origin()), configPath,
                        "a " + what + " name must match " + VALUE_NAME.pattern() + " (it is part of arm names), but got '"
                                + name + "'"));
                ok = false;
            }
        }
        return ok;
    }

    /**
     * Axes whose path another axis also varies, or lies within (the later would undo the earlier), with a problem
     * recorded for each.
     */
    private List<SweepAxis> overlapping(List<SweepAxis> axes) {
        List<SweepAxis> pathAxes = axes.stream().filter(a -> a instanceof ScheduleAxis || a instanceof SettingAxis)
                .toList();
        List<SweepAxis> out = new ArrayList<>();
        for (int i = 0; i < pathAxes.size(); i++) {
            for (int j = 0; j < i; j++) {
                String a = pathAxes.get(i).name();
                String b = pathAxes.get(j).name();
                if (a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".")) {
                    AxisSource at = pathAxes.get(i).source();
                    problems.add(new ConfigProblem(at.origin(), at.configPath(), "'" + a + "' overlaps '" + b
                            + "', which " + pathAxes.get(j).source().configPath() + " also varies: each setting may be"
                            + " varied by one axis only"));
                    out.add(pathAxes.get(i));
                }
            }
        }
        return out;
    }

    /** Whether no sampled setting changes a path a grid axis also varies; records a problem for each that does. */
    private boolean samplesFit(SampleAxis samples, List<SweepAxis> axes) {
        boolean ok = true;
        for (SampledSetting setting : samples.settings()) {
            String a = setting.path();
            for (SweepAxis axis : axes) {
                if (!(axis instanceof ScheduleAxis || axis instanceof SettingAxis)) continue;
                String b = axis.name();
                if (a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".")) {
                    problems.add(new ConfigProblem(setting.source().origin(), setting.source().configPath(), "'"
                            + setting.name() + "' changes '" + a + "', which " + axis.source().configPath()
                            + " also varies: each setting may be varied by one axis only"));
                    ok = false;
                }
            }
        }
        return ok;
    }

    private AxisSource source(ConfigReader r, String key) {
        return new AxisSource(ConfigReader.where(r.value(key).origin()), r.path(key));
    }

    private void problem(ConfigValue at, String path, String message) {
        problems.add(new ConfigProblem(at == null ? null : ConfigReader.where(at.origin()), path, message));
    }

    private static String firstRepeat(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) return n;
        }
        return null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
