package dev.anchorsweep.sweep.sampling;

import java.util.Arrays;
import java.util.List;

/** How a sweep's sampled points are drawn ({@code samples.method}). */
public enum SamplingMethod {
    SOBOL("sobol", new SobolPoints()),
    LATIN_HYPERCUBE("latin-hypercube", new LatinHypercube()),
    RANDOM("random", new RandomPoints());

    private final String configName;
    private final PointSequence sequence;

    SamplingMethod(String configName, PointSequence sequence) {
        this.configName = configName;
        this.sequence = sequence;
    }

    public String configName() {
        return configName;
    }

    public PointSequence sequence() {
        return sequence;
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(SamplingMethod::configName).toList();
    }

    public static SamplingMethod fromConfigName(String name) {
        for (SamplingMethod m : values()) {
            if (m.configName.equals(name)) return m;
        }
        throw new IllegalArgumentException("unknown sampling method '" + name + "'; valid: " + configNames());
    }
}
