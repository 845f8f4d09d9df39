package dev.anchorsweep.data;

import java.util.Arrays;
import java.util.List;

/** The base weight of each training colour, before the curriculum factors. */
public enum SamplingWeight {
    /** Every colour alike. */
    UNIFORM("uniform"),
    /** The reference's bias of HSV cubes ({@link TrainingColors#bias}); 1 for RGB grids. */
    BIAS("bias");

    private final String configName;

    SamplingWeight(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(SamplingWeight::configName).toList();
    }

    public static SamplingWeight fromConfigName(String name) {
        return Arrays.stream(values()).filter(w -> w.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown weight '" + name + "'; valid: " + configNames()));
    }

    double of(TrainingColors colors, int i) {
        return this == BIAS ? colors.bias(i) : 1;
    }
}
