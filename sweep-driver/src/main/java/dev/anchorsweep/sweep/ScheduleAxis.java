package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import dev.anchorsweep.config.DidYouMean;

import java.util.List;
import java.util.Optional;

/**
 * Named alternative schedules for one schedule of the run ({@code grid.schedules."<path>"}), sorted by name; each
 * may take any schedule form (constant, keyframes, object, dopesheet).
 *
 * @param path the schedule's path within {@code run}: {@code training.lr} or {@code regularizers.<name>.weight}
 */
public record ScheduleAxis(String path, List<String> names, List<ConfigValue> schedules, AxisSource source)
        implements SweepAxis {

    public ScheduleAxis {
        names = List.copyOf(names);
        schedules = List.copyOf(schedules);
        if (!RunPaths.isSchedule(RunPaths.segments(path))) {
            throw new IllegalArgumentException("a schedule axis varies training.lr or regularizers.<name>.weight, but got "
                    + path);
        }
        if (names.size() != schedules.size() || names.isEmpty()) {
            throw new IllegalArgumentException("a schedule axis needs one schedule per name and at least one, but got "
                    + names.size() + " names and " + schedules.size() + " schedules");
        }
    }

    @Override
    public String name() {
        return path;
    }

    @Override
    public List<String> labels() {
        return names;
    }

    @Override
    public ConfigObject apply(ConfigObject run, int index) {
        return RunPaths.withValue(run, path, schedules.get(index));
    }

    @Override
    public Optional<String> mismatch(ConfigObject run) {
        if (RunPaths.valueAt(run, path) != null) return Optional.empty();
        List<String> schedules = RunPaths.schedules(run);
        return Optional.of("the run has no schedule '" + path + "'" + DidYouMean.hint(path, schedules)
                + " (its schedules: " + String.join(", ", schedules) + ")");
    }
}
