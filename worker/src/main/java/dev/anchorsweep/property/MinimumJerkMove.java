package dev.anchorsweep.property;

/**
 * One smooth move of a property (M1-SPEC 1.4): the quintic y(τ) = c0 + c1·τ + … + c5·τ⁵, τ = (step − start) / duration,
 * that starts from a value, velocity and acceleration (per step) and arrives at {@code target} with zero velocity and
 * acceleration after {@code duration} steps: c0 = y0, c1 = v0·T, c2 = a0·T²/2, and c3..c5 from y(1) = y1,
 * y'(1) = y''(1) = 0. Before {@code start} it is undefined (callers ask from {@code start} on); from
 * {@code start + duration} on it holds the target.
 */
public record MinimumJerkMove(int start, int duration, double target, double c0, double c1, double c2, double c3,
                              double c4, double c5) implements java.io.Serializable {

    public MinimumJerkMove {
        if (duration < 1) throw new IllegalArgumentException("a move lasts ≥ 1 step, but got " + duration);
    }

    /** The move that starts at {@code start} from value y0, velocity v0 and acceleration a0 (per step). */
    public static MinimumJerkMove from(int start, double y0, double v0, double a0, double target, int duration) {
        if (duration < 1) throw new IllegalArgumentException("a move lasts ≥ 1 step, but got " + duration);
        double t = duration;
        double c1 = v0 * t;
        double c2 = a0 * t * t / 2;
        // c3 + c4 + c5 = b1, 3c3 + 4c4 + 5c5 = b2, 6c3 + 12c4 + 20c5 = b3, solved in closed form
        double b1 = target - y0 - c1 - c2;
        double b2 = -c1 - 2 * c2;
        double b3 = -2 * c2;
        double c3 = 10 * b1 - 4 * b2 + b3 / 2;
        double c4 = -15 * b1 + 7 * b2 - b3;
        double c5 = 6 * b1 - 3 * b2 + b3 / 2;
        return new MinimumJerkMove(start, duration, target, y0, c1, c2, c3, c4, c5);
    }

    /** τ at {@code step} (a real number of steps), clamped to [0, 1]. */
    private double tau(double step) {
        return Math.max(0, Math.min(1, (step - start) / duration));
    }

    public boolean arrived(double step) {
        return step >= start + duration;
    }

    public double value(double step) {
        if (arrived(step)) return target;
        double x = tau(step);
        return c0 + x * (c1 + x * (c2 + x * (c3 + x * (c4 + x * c5))));
    }

    /** dy/dstep. */
    public double velocity(double step) {
        if (arrived(step)) return 0;
        double x = tau(step);
        return (c1 + x * (2 * c2 + x * (3 * c3 + x * (4 * c4 + x * 5 * c5)))) / duration;
    }

    /** d²y/dstep². */
    public double acceleration(double step) {
        if (arrived(step)) return 0;
        double x = tau(step);
        return (2 * c2 + x * (6 * c3 + x * (12 * c4 + x * 20 * c5))) / ((double) duration * duration);
    }
}
