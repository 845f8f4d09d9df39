package dev.anchorsweep.concept;

import dev.anchorsweep.color.Rgb;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How strongly a colour expresses a concept, in [0, 1] for colours in the unit cube (SCA-SPEC §1). */
public enum Measure {
    /** {@code r·(1 − g/2 − b/2)}: 1 only at pure red. */
    REDNESS("redness", "red", new Rgb(1, 0, 0)) {
        @Override public double of(Rgb c) { return c.r() * (1 - c.g() / 2 - c.b() / 2); }
    },
    /** {@code g·(1 − r/2 − b/2)}: 1 only at pure green. */
    GREENNESS("greenness", "green", new Rgb(0, 1, 0)) {
        @Override public double of(Rgb c) { return c.g() * (1 - c.r() / 2 - c.b() / 2); }
    },
    /** {@code b·(1 − r/2 − g/2)}: 1 only at pure blue. */
    BLUENESS("blueness", "blue", new Rgb(0, 0, 1)) {
        @Override public double of(Rgb c) { return c.b() * (1 - c.r() / 2 - c.g() / 2); }
    },
    /** {@code max(r,g,b) − min(r,g,b)}, which equals HSV s·v: 1 on every fully saturated hue. */
    VIBRANCY("vibrancy", null, null) {
        @Override public double of(Rgb c) { return chroma(c); }
    },
    /** {@code 1 − s·v}: 1 on every grey. */
    DESATURATION("desaturation", null, null) {
        @Override public double of(Rgb c) { return 1 - chroma(c); }
    };

    private final String configName;
    private final String primaryColor;
    private final Rgb prototype;

    Measure(String configName, String primaryColor, Rgb prototype) {
        this.configName = configName;
        this.primaryColor = primaryColor;
        this.prototype = prototype;
    }

    public abstract double of(Rgb c);

    /** The lower-case name used in configs and result rows, e.g. "redness". */
    public String configName() {
        return configName;
    }

    /** The name of this measure as a concept's {@code label} in configs: {@code primary(red)}, {@code vibrancy}, … */
    public String configLabel() {
        return primaryColor != null ? "primary(" + primaryColor + ")" : configName;
    }

    /** The single colour where this measure is 1 (pure red for redness); empty where that set is not one point. */
    public Optional<Rgb> prototype() {
        return Optional.ofNullable(prototype);
    }

    /** The primary measure of {@code color}: "red" → REDNESS, "green" → GREENNESS, "blue" → BLUENESS. */
    public static Measure primary(String color) {
        for (Measure m : values()) if (m.primaryColor != null && m.primaryColor.equals(color)) return m;
        throw new IllegalArgumentException("'" + color + "' is not a primary colour; valid ones are "
                + Arrays.stream(values()).filter(m -> m.primaryColor != null).map(m -> m.primaryColor)
                        .collect(Collectors.joining(", ")));
    }

    /** The measure whose {@link #configName()} is {@code name}. */
    public static Measure byConfigName(String name) {
        for (Measure m : values()) if (m.configName.equals(name)) return m;
        throw new IllegalArgumentException("unknown measure '" + name + "'; valid ones are "
                + Arrays.stream(values()).map(Measure::configName).collect(Collectors.joining(", ")));
    }

    private static double chroma(Rgb c) {
        return Math.max(c.r(), Math.max(c.g(), c.b())) - Math.min(c.r(), Math.min(c.g(), c.b()));
    }
}
