package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import dev.anchorsweep.config.ConfigProblem;
import dev.anchorsweep.config.ConfigReader;
import dev.anchorsweep.config.DidYouMean;
import dev.anchorsweep.config.RunConfigParser;
import dev.anchorsweep.config.ScheduleParser;
import dev.anchorsweep.schedule.Keyframe;
import dev.anchorsweep.schedule.KeyframeSchedule;
import dev.anchorsweep.sweep.sampling.NumberText;
import dev.anchorsweep.sweep.sampling.SamplingMethod;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The sampled points of a sweep ({@code samples}): point k sets every sampled setting to its k-th drawn value. As an
 * axis it is crossed with the grid's axes and seeds like any other; its arms are named {@code sample=<k>} and each run
 * records {@code sample} → k and {@code sample.<setting>} → the value in {@code runs.axes}.
 *
 * @param method  how the points were drawn
 * @param seed    the seed they were drawn with
 * @param values  point → setting (in {@code settings} order) → value
 * @param baseDir the folder dopesheet paths are relative to (the sweep file's)
 */
public record SampleAxis(SamplingMethod method, long seed, List<SampledSetting> settings, List<List<Number>> values,
                         AxisSource source, Path baseDir) implements SweepAxis {

    public static final String NAME = "sample";

    public SampleAxis {
        settings = List.copyOf(settings);
        values = values.stream().map(List::copyOf).toList();
        if (settings.isEmpty() || values.isEmpty()) {
            throw new IllegalArgumentException("a sample axis needs at least one setting and one point, but got "
                    + settings.size() + " settings and " + values.size() + " points");
        }
        for (List<Number> point : values) {
            if (point.size() != settings.size()) {
                throw new IllegalArgumentException("every point needs one value per setting (" + settings.size()
                        + "), but one has " + point.size());
            }
        }
    }

    /** Draws {@code points} points by {@code method} and maps their coordinates through each setting's distribution. */
    static SampleAxis draw(SamplingMethod method, long seed, int points, List<SampledSetting> settings,
                           AxisSource source, Path baseDir) {
        double[][] unit = method.sequence().points(points, settings.size(), seed);
        List<List<Number>> values = new ArrayList<>(points);
        for (double[] u : unit) {
            values.add(IntStream.range(0, settings.size())
                    .mapToObj(d -> settings.get(d).distribution().value(u[d])).toList());
        }
        return new SampleAxis(method, seed, settings, values, source, baseDir);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> labels() {
        return IntStream.range(0, values.size()).mapToObj(String::valueOf).toList();
    }

    /**
     * {@code sample=<k>}, k zero-padded to the width of the last point's number ({@code sample=07} of 64 points), so
     * that arms sort by point wherever they are sorted by name.
     */
    @Override
    public String armPart(int index) {
        int width = String.valueOf(values.size() - 1).length();
        return NAME + "=" + String.format(java.util.Locale.ROOT, "%0" + width + "d", index);
    }

    /** {@code sample} → k, then {@code sample.<setting>} → its value at point k, in settings order. */
    @Override
    public Map<String, String> axisValues(int index) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(NAME, String.valueOf(index));
        for (int s = 0; s < settings.size(); s++) {
            out.put(settings.get(s).axisKey(), NumberText.of(values.get(index).get(s)));
        }
        return out;
    }

    /** E.g. {@code 64 points by sobol (seed 1) over 2 settings}. */
    public String describe() {
        return values.size() + (values.size() == 1 ? " point" : " points") + " by " + method.configName() + " (seed "
                + seed + ") over " + settings.size() + (settings.size() == 1 ? " setting" : " settings");
    }

    @Override
    public ConfigObject apply(ConfigObject run, int index) {
        ConfigObject withDefaults = run.withFallback(RunConfigParser.defaults().root());
        Map<String, List<Keyframe>> schedules = new LinkedHashMap<>();
        Map<String, KeyframeSchedule> resolved = new HashMap<>();
        ConfigObject out = run;
        for (int s = 0; s < settings.size(); s++) {
            SampledSetting setting = settings.get(s);
            Number value = values.get(index).get(s);
            KeyframeAddress address = setting.keyframe();
            if (address == null) {
                out = RunPaths.withValue(out, setting.path(), ConfigValueFactory.fromAnyRef(value)
                        .withOrigin(setting.origin()));
                continue;
            }
            KeyframeSchedule schedule = resolved.computeIfAbsent(address.schedule(),
                    path -> schedule(withDefaults, path, new ArrayList<>()));
            if (schedule == null) continue;  // mismatch() reported it before any arm was built
            List<Keyframe> keys = schedules.computeIfAbsent(address.schedule(),
                    path -> new ArrayList<>(schedule.keyframes()));
            int i = address.resolve(keys.size());
            Keyframe old = keys.get(i);
            keys.set(i, address.field() == KeyframeAddress.Field.VALUE ? new Keyframe(old.step(), value.doubleValue())
                    : new Keyframe(value.intValue(), old.value()));
        }
        for (Map.Entry<String, List<Keyframe>> e : schedules.entrySet()) {
            out = RunPaths.withValue(out, e.getKey(), keyframeObject(resolved.get(e.getKey()), e.getValue(),
                    originOf(e.getKey())));
        }
        return out;
    }

    /** {@code { interpolation = …, keys = [[step, value], …] }}, every part carrying the sampled setting's origin. */
    private static ConfigValue keyframeObject(KeyframeSchedule schedule, List<Keyframe> keys,
                                              com.typesafe.config.ConfigOrigin origin) {
        List<ConfigValue> list = new ArrayList<>();
        for (Keyframe k : keys) {
            list.add(ConfigValueFactory.fromIterable(List.of(
                    ConfigValueFactory.fromAnyRef(k.step()).withOrigin(origin),
                    ConfigValueFactory.fromAnyRef(k.value()).withOrigin(origin))).withOrigin(origin));
        }
        Map<String, ConfigValue> object = new LinkedHashMap<>();
        object.put("interpolation", ConfigValueFactory.fromAnyRef(schedule.interpolation().configName())
                .withOrigin(origin));
        object.put("keys", ConfigValueFactory.fromIterable(list).withOrigin(origin));
        return ConfigValueFactory.fromMap(object).withOrigin(origin);
    }

    /** The origin of the first sampled setting of a schedule. */
    private com.typesafe.config.ConfigOrigin originOf(String schedule) {
        return settings.stream().filter(s -> s.keyframe() != null && s.keyframe().schedule().equals(schedule))
                .findFirst().orElseThrow().origin();
    }

    /** The schedule at {@code path} of a run section merged with the defaults, parsed as the run's parser does. */
    private KeyframeSchedule schedule(ConfigObject run, String path, List<ConfigProblem> problems) {
        List<String> segments = RunPaths.segments(path);
        String parent = String.join(".", segments.subList(0, segments.size() - 1));
        ConfigValue at = RunPaths.valueAt(run, parent);
        if (!(at instanceof ConfigObject parentObject)) return null;
        ConfigReader reader = new ConfigReader(parentObject, "run." + parent, problems);
        return ScheduleParser.parse(reader, segments.get(segments.size() - 1), baseDir);
    }

    /** What keeps each sampled setting from applying to {@code run} (a run after its variant, with the defaults). */
    @Override
    public List<ConfigProblem> mismatches(ConfigObject run) {
        List<ConfigProblem> out = new ArrayList<>();
        Map<String, List<SampledSetting>> steps = new LinkedHashMap<>();
        Map<String, SampledSetting> addressed = new HashMap<>();
        for (SampledSetting setting : settings) {
            String message = setting.keyframe() == null ? scalarMismatch(run, setting.path())
                    : keyframeMismatch(run, setting, addressed, steps);
            if (message != null) out.add(problem(setting, message));
        }
        for (Map.Entry<String, List<SampledSetting>> e : steps.entrySet()) {
            String message = stepOrder(run, e.getKey(), e.getValue());
            if (message != null) out.add(problem(e.getValue().get(0), message));
        }
        return out;
    }

    private static ConfigProblem problem(SampledSetting setting, String message) {
        return new ConfigProblem(setting.source().origin(), setting.source().configPath(), message);
    }

    private static String scalarMismatch(ConfigObject run, String path) {
        ConfigValue current = RunPaths.valueAt(run, path);
        if (current == null) {
            return "the run has no setting '" + path + "'" + DidYouMean.hint(path, RunPaths.settings(run))
                    + " (a sampled setting is a number of the run by its path, e.g. model.latent-dim, or a keyframe's"
                    + " value or step, e.g. regularizers.anchor.weight[1].value)";
        }
        if (current.valueType() == ConfigValueType.NUMBER) return null;
        if (RunPaths.isSchedule(RunPaths.segments(path))) {
            return "'" + path + "' is a schedule of keyframes, not one number: sample one keyframe's value or step,"
                    + " e.g. " + path + "[1].value or " + path + "[-1].step";
        }
        return "'" + path + "' is " + ConfigReader.describe(current) + " in the run, but sampled settings are numbers"
                + " (vary strings, booleans, lists and objects with grid.settings or grid.variants)";
    }

    private String keyframeMismatch(ConfigObject run, SampledSetting setting, Map<String, SampledSetting> addressed,
                                    Map<String, List<SampledSetting>> steps) {
        KeyframeAddress address = setting.keyframe();
        String path = address.schedule();
        if (!RunPaths.isSchedule(RunPaths.segments(path))) {
            return "'" + path + "' is not a schedule, so it has no keyframes to address: the schedules of a run are"
                    + " training.lr and regularizers.<name>.weight";
        }
        if (RunPaths.valueAt(run, path) == null) {
            List<String> schedules = RunPaths.schedules(run);
            return "the run has no schedule '" + path + "'" + DidYouMean.hint(path, schedules) + " (its schedules: "
                    + String.join(", ", schedules) + ")";
        }
        List<ConfigProblem> found = new ArrayList<>();
        KeyframeSchedule schedule = schedule(run, path, found);
        if (schedule == null) {
            return "cannot address a keyframe of " + path + ", which is not a valid schedule"
                    + (found.isEmpty() ? "" : ": " + found.get(0).message());
        }
        int keys = schedule.keyframes().size();
        int i = address.resolve(keys);
        if (i < 0) {
            return "keyframe index " + address.index() + " is out of range: " + path + " has " + keys
                    + (keys == 1 ? " keyframe" : " keyframes") + " " + keyList(schedule) + ", so the index must be in 0.."
                    + (keys - 1) + " (or -" + keys + "..-1 from the end)";
        }
        SampledSetting same = addressed.putIfAbsent(path + "[" + i + "]." + address.fieldName(), setting);
        if (same != null) {
            return "'" + setting.name() + "' and '" + same.name() + "' address the same number (keyframe " + i + "'s "
                    + address.fieldName() + " of " + path + "): sample it once";
        }
        if (address.field() == KeyframeAddress.Field.STEP) {
            if (!setting.distribution().wholeNumbers()) {
                return "a keyframe's step is a whole number, so sample it with int-uniform or a choice of whole"
                        + " numbers, but got " + setting.distribution().describe();
            }
            if (setting.distribution().min() < 0) {
                return "a keyframe's step must be ≥ 0, but " + setting.distribution().describe() + " reaches "
                        + NumberText.of(setting.distribution().min());
            }
            steps.computeIfAbsent(path, k -> new ArrayList<>()).add(setting);
        }
        return null;
    }

    /**
     * Whether every drawn step keeps the schedule's keyframes in increasing order, whatever the draw: each keyframe's
     * steps range (one step, or its sampled range) must lie above the previous one's.
     */
    private String stepOrder(ConfigObject run, String path, List<SampledSetting> sampled) {
        KeyframeSchedule schedule = schedule(run, path, new ArrayList<>());
        List<Keyframe> keys = schedule.keyframes();
        double[] lo = new double[keys.size()];
        double[] hi = new double[keys.size()];
        String[] what = new String[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            lo[i] = hi[i] = keys.get(i).step();
            what[i] = "keyframe " + i + " is at step " + keys.get(i).step();
        }
        for (SampledSetting s : sampled) {
            int i = s.keyframe().resolve(keys.size());
            lo[i] = s.distribution().min();
            hi[i] = s.distribution().max();
            what[i] = "keyframe " + i + " ('" + s.name() + "') may take steps " + NumberText.of(lo[i]) + ".."
                    + NumberText.of(hi[i]);
        }
        for (int i = 1; i < keys.size(); i++) {
            if (hi[i - 1] >= lo[i]) {
                return "a sampled step must keep the keyframes of " + path + " in order (steps must increase), but "
                        + what[i - 1] + " and " + what[i] + " " + keyList(schedule);
            }
        }
        return null;
    }

    private static String keyList(KeyframeSchedule schedule) {
        return "(" + String.join(", ", schedule.keyframes().stream()
                .map(k -> "[" + k.step() + ", " + NumberText.of(k.value()) + "]").toList()) + ")";
    }
}
