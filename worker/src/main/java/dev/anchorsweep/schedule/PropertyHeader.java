package dev.anchorsweep.schedule;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dopesheet property column header: {@code name}, {@code name:space} or {@code name:space:interpolation},
 * as in the reference. Space must be empty or {@code linear} (SCA-SPEC §4: values interpolate in linear
 * space; the reference's {@code log} space is rejected). The interpolation defaults to min-jerk.
 */
record PropertyHeader(String property, Interpolation interpolation) {

    private static final Pattern FORMAT = Pattern.compile("([^:]+)(?::([^:]*))?(?::([^:]*))?");
    /** The reference's names (its timeline's INTERPOLATOR_MAP) plus ours. */
    private static final Map<String, Interpolation> NAMES = Map.of(
            "", Interpolation.MIN_JERK,
            "minjerk", Interpolation.MIN_JERK,
            "min-jerk", Interpolation.MIN_JERK,
            "linear", Interpolation.LINEAR,
            "step", Interpolation.STEP,
            "step-end", Interpolation.STEP);
    private static final String VALID_NAMES = "minjerk (or min-jerk), linear, step, step-end";

    static PropertyHeader parse(String header) {
        Matcher m = FORMAT.matcher(header);
        if (!m.matches() || m.group(1).isBlank()) {
            throw new IllegalArgumentException("header '" + header
                    + "' is not name, name:space or name:space:interpolation");
        }
        String space = m.group(2) == null ? "" : m.group(2).trim();
        if (!space.isEmpty() && !space.equals("linear")) {
            throw new IllegalArgumentException("header '" + header + "' has space '" + space
                    + "', but values interpolate in linear space (SCA-SPEC §4); valid: linear or empty");
        }
        String name = m.group(3) == null ? "" : m.group(3).trim();
        Interpolation interpolation = NAMES.get(name);
        if (interpolation == null) {
            throw new IllegalArgumentException("header '" + header + "' has unknown interpolation '" + name
                    + "'; valid: " + VALID_NAMES + " or empty (minjerk)");
        }
        return new PropertyHeader(m.group(1).trim(), interpolation);
    }
}
