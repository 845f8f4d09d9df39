package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.anchorsweep.config.ConfigProblem;
import dev.anchorsweep.config.ConfigReader;
import dev.anchorsweep.config.DidYouMean;
import dev.anchorsweep.schedule.Keyframe;
import dev.anchorsweep.schedule.KeyframeSchedule;
import dev.anchorsweep.sweep.sampling.NumberText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a sweep's sampled settings fit a run (after its variant): each scalar exists and is a number; each keyframe
 * address names a schedule, an index in range and a number no other setting samples; each sampled step is a whole
 * number ≥ 0 whose whole range keeps the schedule's keys in increasing order. Every problem is located at the setting.
 */
final class SampleFit {

    private final List<SampledSetting> settings;
    private final Path baseDir;

    SampleFit(List<SampledSetting> settings, Path baseDir) {
        this.settings = settings;
        this.baseDir = baseDir;
    }

    /** What keeps each sampled setting from applying to {@code run} (a run after its variant, with the defaults). */
    List<ConfigProblem> problems(ConfigObject run) {
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
        KeyframeSchedule schedule = RunSchedule.parse(run, path, baseDir, found);
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
        KeyframeSchedule schedule = RunSchedule.parse(run, path, baseDir, new ArrayList<>());
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
