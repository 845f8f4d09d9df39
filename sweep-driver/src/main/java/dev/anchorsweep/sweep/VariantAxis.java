package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigObject;

import java.util.List;

/**
 * Named bundles of run settings ({@code grid.variants}), sorted by name; a variant is deep-merged over the base run
 * and wins where both set something.
 */
public record VariantAxis(List<String> names, List<ConfigObject> settings, AxisSource source) implements SweepAxis {

    public VariantAxis {
        names = List.copyOf(names);
        settings = List.copyOf(settings);
        if (names.size() != settings.size() || names.isEmpty()) {
            throw new IllegalArgumentException("a variant axis needs one settings object per name and at least one,"
                    + " but got " + names.size() + " names and " + settings.size() + " objects");
        }
    }

    @Override
    public String name() {
        return "variant";
    }

    @Override
    public List<String> labels() {
        return names;
    }

    @Override
    public ConfigObject apply(ConfigObject run, int index) {
        return settings.get(index).withFallback(run);
    }

    @Override
    public String armPart(int index) {
        return names.get(index);
    }
}
