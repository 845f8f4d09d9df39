package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.anchorsweep.config.DidYouMean;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Values for one scalar setting of the run ({@code grid.settings."<path>"}), in the order of the config.
 *
 * @param path   the setting's path within {@code run}, e.g. {@code model.latent-dim}
 * @param values the values as written (numbers, strings or booleans), with their origins in the sweep file
 */
public record SettingAxis(String path, List<ConfigValue> values, AxisSource source) implements SweepAxis {

    static final Set<ConfigValueType> SCALARS = Set.of(ConfigValueType.NUMBER, ConfigValueType.STRING,
            ConfigValueType.BOOLEAN);

    public SettingAxis {
        values = List.copyOf(values);
        if (values.isEmpty()) throw new IllegalArgumentException("a setting axis needs at least one value");
        for (ConfigValue v : values) {
            if (!SCALARS.contains(v.valueType())) {
                throw new IllegalArgumentException("setting values must be numbers, strings or booleans, but got "
                        + v.valueType() + " for " + path);
            }
        }
    }

    /** How a value reads in an arm name: numbers and booleans as written, strings without quotes. */
    static String label(ConfigValue value) {
        return value.valueType() == ConfigValueType.STRING ? (String) value.unwrapped()
                : value.render(ConfigRenderOptions.concise());
    }

    @Override
    public String name() {
        return path;
    }

    @Override
    public List<String> labels() {
        return values.stream().map(SettingAxis::label).toList();
    }

    @Override
    public ConfigObject apply(ConfigObject run, int index) {
        return RunPaths.withValue(run, path, values.get(index));
    }

    @Override
    public Optional<String> mismatch(ConfigObject run) {
        ConfigValue current = RunPaths.valueAt(run, path);
        if (current == null) {
            return Optional.of("the run has no setting '" + path + "'" + DidYouMean.hint(path, RunPaths.settings(run))
                    + " (a settings path names a scalar setting within run, e.g. model.latent-dim)");
        }
        if (!SCALARS.contains(current.valueType())) {
            String instead = RunPaths.isSchedule(RunPaths.segments(path)) ? "vary schedules with grid.schedules"
                    : "vary lists and objects with grid.variants";
            return Optional.of("'" + path + "' is " + (current.valueType() == ConfigValueType.LIST ? "a list" : "an object")
                    + " in the run, not a scalar setting (" + instead + ")");
        }
        return Optional.empty();
    }
}
