package dev.anchorsweep.schedule;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a schedule moves from one keyframe to the next (SCA-SPEC §4). */
public enum Interpolation {
    /** Minimum-jerk, rest to rest: v0 + (v1 − v0)(10τ³ − 15τ⁴ + 6τ⁵). */
    MIN_JERK("min-jerk") {
        @Override
        double ease(double tau) {
            return tau * tau * tau * (10 + tau * (-15 + 6 * tau));
        }
    },
    LINEAR("linear") {
        @Override
        double ease(double tau) {
            return tau;
        }
    },
    /** Holds v0 until the next key, where it jumps to v1. */
    STEP("step") {
        @Override
        double ease(double tau) {
            return tau < 1 ? 0 : 1;
        }
    };

    private final String configName;

    Interpolation(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Interpolation fromConfigName(String name) {
        for (Interpolation interpolation : values()) {
            if (interpolation.configName.equals(name)) {
                return interpolation;
            }
        }
        throw new IllegalArgumentException("unknown interpolation '" + name + "'; valid: " + validNames());
    }

    static String validNames() {
        return Arrays.stream(values()).map(Interpolation::configName).collect(Collectors.joining(", "));
    }

    /** The value a fraction τ ∈ [0, 1] of the way from v0 (τ = 0) to v1 (τ = 1, returned exactly). */
    public double interpolate(double v0, double v1, double tau) {
        if (!(tau >= 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau must be in [0, 1], but got " + tau);
        }
        return tau == 1 ? v1 : v0 + (v1 - v0) * ease(tau);
    }

    /** The fraction of the way from v0 to v1 at τ. */
    abstract double ease(double tau);
}
