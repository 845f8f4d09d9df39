package dev.anchorsweep.data;

import dev.anchorsweep.color.Hsv;

import java.util.Arrays;
import java.util.List;

/** A property of a training colour in [0, 1] that a curriculum weights by (M1-SPEC "Common to 1.5–1.7"). */
public enum ColorMeasure {
    /** s·v, from the colour's RGB converted back to HSV, as the reference's {@code vibrancy} computes it. */
    VIBRANCY("vibrancy") {
        @Override
        public double of(TrainingColors colors, int i) {
            Hsv x = colors.color(i).toHsv();
            return x.s() * x.v();
        }
    },
    /** (cos(d·π/30) + 1)/2, d the hue's distance in degrees to the nearest multiple of 60°. */
    PRIMARY_SECONDARY_FOCUS("primary-secondary-focus") {
        @Override
        public double of(TrainingColors colors, int i) {
            return focus(colors.hue(i));
        }
    },
    /** The hue in turns [0, 1). */
    HUE("hue") {
        @Override
        public double of(TrainingColors colors, int i) {
            return colors.hue(i);
        }
    },
    SATURATION("saturation") {
        @Override
        public double of(TrainingColors colors, int i) {
            return colors.saturation(i);
        }
    },
    VALUE("value") {
        @Override
        public double of(TrainingColors colors, int i) {
            return colors.value(i);
        }
    };

    private final String configName;

    ColorMeasure(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(ColorMeasure::configName).toList();
    }

    public static ColorMeasure fromConfigName(String name) {
        return Arrays.stream(values()).filter(m -> m.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown measure '" + name + "'; valid: " + configNames()));
    }

    /** The measure of colour i of {@code colors}. */
    public abstract double of(TrainingColors colors, int i);

    /** The reference's {@code primary_secondary_focus} of a hue in turns: 1 at 0°, 60°, …; 0 at 30°, 90°, …. */
    public static double focus(double hueTurns) {
        double degrees = hueTurns * 360.0;
        double mod = degrees % 60.0;
        if (mod < 0) mod += 60.0;
        double distance = Math.min(mod, 60.0 - mod);
        return (Math.cos(distance * Math.PI / 30.0) + 1.0) / 2.0;
    }
}
