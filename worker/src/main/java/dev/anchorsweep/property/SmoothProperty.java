package dev.anchorsweep.property;

import dev.anchorsweep.schedule.KeyframeSchedule;

import java.util.Arrays;

/**
 * One property's value at every step 0..steps: its schedule until the first move, then the smooth moves (1.4). A new
 * target, even mid-move, starts a {@link MinimumJerkMove} at that step from the property's current value, velocity
 * and acceleration: a move's own derivatives, or, on the schedule, backward differences per step
 * (v = y(t) − y(t−1), a = y(t) − 2·y(t−1) + y(t−2), steps before 0 holding y(0)). The value at the step a move starts
 * is unchanged by it. After the first move the schedule is no longer followed: the property holds the last target.
 * Every step's value is computed when the move is set (no work per step): {@link #values()} is read by index.
 */
public final class SmoothProperty {

    private final double[] values;
    private MinimumJerkMove move;

    /** A property following {@code schedule} over steps 0..steps. */
    public SmoothProperty(KeyframeSchedule schedule, int steps) {
        this.values = schedule.sample(steps + 1);
    }

    /** A property at rest at {@code value} over steps 0..steps. */
    public SmoothProperty(double value, int steps) {
        this.values = new double[steps + 1];
        Arrays.fill(values, value);
    }

    /** Moves to {@code target} over {@code duration} steps from {@code step} on. No-op past the last step. */
    public void moveTo(int step, double target, int duration) {
        if (step < 0) throw new IllegalArgumentException("a move starts at a step ≥ 0, but got " + step);
        if (step >= values.length) return;
        if (move != null && !move.arrived(step) && move.target() == target && move.duration() == duration) return;
        double y0 = values[step];
        double v0;
        double a0;
        if (move != null && step >= move.start()) {
            v0 = move.velocity(step);
            a0 = move.acceleration(step);
        } else {
            double y1 = values[Math.max(0, step - 1)];
            double y2 = values[Math.max(0, step - 2)];
            v0 = y0 - y1;
            a0 = y0 - 2 * y1 + y2;
        }
        move = MinimumJerkMove.from(step, y0, v0, a0, target, duration);
        for (int t = step; t < values.length; t++) values[t] = move.value(t);
    }

    public double value(int step) {
        return values[step];
    }

    /** The live array of values by step (length steps + 1); a later move rewrites it from its start on. */
    public double[] values() {
        return values;
    }

    /** The current (or last) move, null before any. */
    public MinimumJerkMove move() {
        return move;
    }
}
