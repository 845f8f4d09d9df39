package dev.anchorsweep.schedule;

import dev.anchorsweep.identity.Canonical;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A property's value over training steps: keyframes joined by an interpolation (SCA-SPEC §4). Before the
 * first key it holds the first value, after the last key the last value. Immutable; equal by content.
 */
public final class KeyframeSchedule implements Canonical, java.io.Serializable {

    private final Interpolation interpolation;
    private final List<Keyframe> keyframes;
    private final int[] steps;
    private final double[] values;

    private KeyframeSchedule(Interpolation interpolation, List<Keyframe> keyframes) {
        this.interpolation = Objects.requireNonNull(interpolation, "interpolation");
        this.keyframes = List.copyOf(Objects.requireNonNull(keyframes, "keyframes"));
        if (this.keyframes.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one keyframe");
        }
        steps = new int[this.keyframes.size()];
        values = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            Keyframe key = this.keyframes.get(i);
            if (i > 0 && key.step() <= steps[i - 1]) {
                throw new IllegalArgumentException(
                        "keyframe steps must increase, but got " + key.step() + " after " + steps[i - 1]);
            }
            steps[i] = key.step();
            values[i] = key.value();
        }
    }

    public static KeyframeSchedule of(Interpolation interpolation, List<Keyframe> keyframes) {
        return new KeyframeSchedule(interpolation, keyframes);
    }

    public static KeyframeSchedule minJerk(List<Keyframe> keyframes) {
        return of(Interpolation.MIN_JERK, keyframes);
    }

    /** The same value at every step (a single key at step 0). */
    public static KeyframeSchedule constant(double value) {
        return minJerk(List.of(new Keyframe(0, value)));
    }

    public double valueAt(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, but got " + step);
        }
        int i = Arrays.binarySearch(steps, step);
        if (i >= 0) {
            return values[i];
        }
        int next = -i - 1;
        if (next == 0) {
            return values[0];
        }
        if (next == steps.length) {
            return values[steps.length - 1];
        }
        int prev = next - 1;
        double tau = (double) (step - steps[prev]) / (steps[next] - steps[prev]);
        return interpolation.interpolate(values[prev], values[next], tau);
    }

    /** valueAt(0), …, valueAt(steps − 1). */
    public double[] sample(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("sample length must be >= 0, but got " + steps);
        }
        double[] sampled = new double[steps];
        for (int t = 0; t < steps; t++) {
            sampled[t] = valueAt(t);
        }
        return sampled;
    }

    public List<Keyframe> keyframes() {
        return keyframes;
    }

    public Interpolation interpolation() {
        return interpolation;
    }

    public int firstStep() {
        return steps[0];
    }

    public int lastStep() {
        return steps[steps.length - 1];
    }

    /** Every interpolation stays between its two keys, so the keys bound the whole schedule. */
    public boolean isZeroEverywhere() {
        return Arrays.stream(values).allMatch(v -> v == 0);
    }

    public double maxValue() {
        return Arrays.stream(values).max().orElseThrow();
    }

    public double minValue() {
        return Arrays.stream(values).min().orElseThrow();
    }

    /** {@code interpolation} and {@code keys}, the keyframes as [step, value] pairs. */
    @Override
    public Object canonicalForm() {
        List<List<Object>> keys = keyframes.stream().map(k -> List.<Object>of(k.step(), k.value())).toList();
        return Map.of("interpolation", interpolation.configName(), "keys", keys);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyframeSchedule that
                && interpolation == that.interpolation
                && keyframes.equals(that.keyframes);
    }

    @Override
    public int hashCode() {
        return 31 * interpolation.configName().hashCode() + keyframes.hashCode();
    }

    /** For messages, e.g. {@code min-jerk[0:1.0E-8, 10:0.01, 750:0.1]}; run identity uses {@link #canonicalForm()}. */
    @Override
    public String toString() {
        return keyframes.stream()
                .map(Keyframe::toString)
                .collect(Collectors.joining(", ", interpolation.configName() + "[", "]"));
    }
}
