package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import dev.anchorsweep.config.ConfigProblem;
import dev.anchorsweep.config.RunConfigParser;
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
                    path -> RunSchedule.parse(withDefaults, path, baseDir, new ArrayList<>()));
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
                                              ConfigOrigin origin) {
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
    private ConfigOrigin originOf(String schedule) {
        return settings.stream().filter(s -> s.keyframe() != null && s.keyframe().schedule().equals(schedule))
                .findFirst().orElseThrow().origin();
    }

    /** What keeps each sampled setting from applying to {@code run} (a run after its variant, with the defaults). */
    @Override
    public List<ConfigProblem> mismatches(ConfigObject run) {
        return new SampleFit(settings, baseDir).problems(run);
    }
}
