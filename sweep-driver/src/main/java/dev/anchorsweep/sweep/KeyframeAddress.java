package dev.anchorsweep.sweep;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One number of a schedule's keyframes, as a sampled setting names it: {@code <schedule>[i].value} or
 * {@code <schedule>[i].step}, i counting the schedule's resolved keyframes from 0, or from the end when negative
 * ({@code [-1]}: the last).
 *
 * @param schedule the schedule's path within {@code run}, e.g. {@code regularizers.anchor.weight}
 */
record KeyframeAddress(String schedule, int index, Field field) {

    enum Field { VALUE, STEP }

    private static final Pattern FORM = Pattern.compile("(.+)\\[(-?\\d{1,9})]\\.(value|step)");

    /** The address a setting name holds, or null when it names no keyframe (no {@code [...]}). */
    static KeyframeAddress parse(String name) {
        Matcher m = FORM.matcher(name);
        if (!m.matches()) return null;
        return new KeyframeAddress(m.group(1), Integer.parseInt(m.group(2)),
                m.group(3).equals("value") ? Field.VALUE : Field.STEP);
    }

    /** Whether a setting name tries to address a keyframe (holds a '['), well-formed or not. */
    static boolean looksLikeOne(String name) {
        return name.contains("[");
    }

    /** The 0-based index among {@code keys} keyframes, or -1 when it is out of range. */
    int resolve(int keys) {
        int i = index < 0 ? keys + index : index;
        return i >= 0 && i < keys ? i : -1;
    }

    String fieldName() {
        return field == Field.VALUE ? "value" : "step";
    }
}
