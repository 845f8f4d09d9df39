package dev.anchorsweep.schedule;

/** A property's value at a training step. A value of -0.0 is stored as 0.0, so equal schedules print alike. */
public record Keyframe(int step, double value) implements java.io.Serializable {

    public Keyframe {
        if (step < 0) {
            throw new IllegalArgumentException("keyframe step must be >= 0, but got " + step);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("keyframe value must be finite, but got " + value + " at step " + step);
        }
        value += 0.0;
    }

    @Override
    public String toString() {
        return step + ":" + value;
    }
}
