package dev.anchorsweep.property;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The 1.4 demo (M1-SPEC 1.4): start 0.1, duration 50, targets {0: 0.5, 40: 0.75, 60: 0.0, 120: 1.0} over 200 steps.
 * Expected values come from the quintic written out here: s(τ) = 10τ³ − 15τ⁴ + 6τ⁵ for a move from rest, and for a
 * move from a moving state the coefficients c3..c5 solved by Cramer's rule from y(1) = y1, y'(1) = y''(1) = 0.
 */
class SmoothPropertyTest {

    static final double EPS = 1e-12;

    static SmoothProperty demo() {
        SmoothProperty p = new SmoothProperty(0.1, 200);
        p.moveTo(0, 0.5, 50);
        p.moveTo(40, 0.75, 50);
        p.moveTo(60, 0.0, 50);
        p.moveTo(120, 1.0, 50);
        return p;
    }

    static double s(double x) {
        return 10 * Math.pow(x, 3) - 15 * Math.pow(x, 4) + 6 * Math.pow(x, 5);
    }

    static double ds(double x) {
        return 30 * x * x - 60 * Math.pow(x, 3) + 30 * Math.pow(x, 4);
    }

    static double dds(double x) {
        return 60 * x - 180 * x * x + 120 * Math.pow(x, 3);
    }

    /** The quintic from (y0, v0, a0) to y1 over T steps, at step k after its start: [value, velocity, acceleration]. */
    static double[] quintic(double y0, double v0, double a0, double y1, double t, double k) {
        double c0 = y0;
        double c1 = v0 * t;
        double c2 = a0 * t * t / 2;
        // rows: y(1) = y1, y'(1) = 0, y''(1) = 0 in c3, c4, c5
        double[][] m = {{1, 1, 1}, {3, 4, 5}, {6, 12, 20}};
        double[] b = {y1 - c0 - c1 - c2, -c1 - 2 * c2, -2 * c2};
        double det = det(m);
        double[] c = new double[3];
        for (int j = 0; j < 3; j++) {
            double[][] mj = {m[0].clone(), m[1].clone(), m[2].clone()};
            for (int i = 0; i < 3; i++) mj[i][j] = b[i];
            c[j] = det(mj) / det;
        }
        double x = k / t;
        double y = c0 + c1 * x + c2 * x * x + c[0] * Math.pow(x, 3) + c[1] * Math.pow(x, 4) + c[2] * Math.pow(x, 5);
        double dy = c1 + 2 * c2 * x + 3 * c[0] * x * x + 4 * c[1] * Math.pow(x, 3) + 5 * c[2] * Math.pow(x, 4);
        double ddy = 2 * c2 + 6 * c[0] * x + 12 * c[1] * x * x + 20 * c[2] * Math.pow(x, 3);
        return new double[] {y, dy / t, ddy / (t * t)};
    }

    static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    @Test
    void firstMoveFromRestIsTheMinimumJerkCurve() {
        SmoothProperty p = demo();
        assertEquals(0.1, p.value(0), EPS);
        assertEquals(0.3, p.value(25), EPS);                          // 0.1 + 0.4·s(0.5), s(0.5) = 0.5
        assertEquals(0.1 + 0.4 * s(0.2), p.value(10), EPS);
        assertEquals(0.1 + 0.4 * s(0.78), p.value(39), EPS);
        // the value at step 40 is the first move's: the new target changes nothing at the step it is set
        assertEquals(0.1 + 0.4 * s(0.8), p.value(40), EPS);
        assertEquals(0.476832, p.value(40), 1e-12);                  // 0.1 + 0.4·0.94208
    }

    @Test
    void aNewTargetMidMoveStartsFromTheCurrentValueVelocityAndAcceleration() {
        SmoothProperty p = demo();
        // state of the first move at 40 (τ = 0.8), per step
        double y40 = 0.1 + 0.4 * s(0.8);
        double v40 = 0.4 * ds(0.8) / 50;                             // 0.006144
        double a40 = 0.4 * dds(0.8) / 2500;                          // −0.0009216
        assertEquals(0.006144, v40, 1e-15);
        assertEquals(-0.0009216, a40, 1e-15);
        for (int k = 0; k <= 20; k++) assertEquals(quintic(y40, v40, a40, 0.75, 50, k)[0], p.value(40 + k), EPS);
        // continuity at 40: the second move's state at its start is the first's
        MinimumJerkMove first = MinimumJerkMove.from(0, 0.1, 0, 0, 0.5, 50);
        double[] second = quintic(y40, v40, a40, 0.75, 50, 0);
        assertEquals(first.value(40), second[0], EPS);
        assertEquals(first.velocity(40), second[1], EPS);
        assertEquals(first.acceleration(40), second[2], EPS);
        // at 60 the third move starts from the second's state at k = 20
        double[] at60 = quintic(y40, v40, a40, 0.75, 50, 20);
        for (int k = 0; k <= 50; k++) assertEquals(quintic(at60[0], at60[1], at60[2], 0.0, 50, k)[0], p.value(60 + k), EPS);
        // the third move arrived at 0 by 110 and rests; the fourth starts from rest at 0
        assertEquals(0.0, p.value(119), EPS);
        assertEquals(0.5, p.value(145), EPS);                         // 0 + 1·s(0.5)
        assertEquals(1.0, p.value(170), EPS);
        assertEquals(1.0, p.value(200), EPS);
    }

    @Test
    void theMoveIsContinuousInValueVelocityAndAccelerationWhereTargetsChange() {
        MinimumJerkMove first = MinimumJerkMove.from(0, 0.1, 0, 0, 0.5, 50);
        MinimumJerkMove second = MinimumJerkMove.from(40, first.value(40), first.velocity(40), first.acceleration(40),
                0.75, 50);
        MinimumJerkMove third = MinimumJerkMove.from(60, second.value(60), second.velocity(60),
                second.acceleration(60), 0.0, 50);
        double h = 1e-6;
        assertEquals(first.value(40 - h), second.value(40 + h), 1e-7);
        assertEquals(first.velocity(40 - h), second.velocity(40 + h), 1e-7);
        assertEquals(first.acceleration(40 - h), second.acceleration(40 + h), 1e-7);
        assertEquals(second.value(60 - h), third.value(60 + h), 1e-7);
        assertEquals(second.velocity(60 - h), third.velocity(60 + h), 1e-7);
        assertEquals(second.acceleration(60 - h), third.acceleration(60 + h), 1e-7);
        // and each arrives at rest: y(1) = target, y'(1) = y''(1) = 0 (just before the end, where it still computes)
        assertEquals(0.75, second.value(90 - 1e-9), 1e-9);
        assertEquals(0, second.velocity(90 - 1e-9), 1e-9);
        assertEquals(0, second.acceleration(90 - 1e-9), 1e-9);
    }

    @Test
    void onTheScheduleTheMoveStartsFromBackwardDifferences() {
        // a linear ramp 0, 0.01, 0.02, … (velocity 0.01 per step, acceleration 0)
        var ramp = dev.anchorsweep.schedule.KeyframeSchedule.of(dev.anchorsweep.schedule.Interpolation.LINEAR,
                java.util.List.of(new dev.anchorsweep.schedule.Keyframe(0, 0), new dev.anchorsweep.schedule.Keyframe(100, 1)));
        SmoothProperty p = new SmoothProperty(ramp, 100);
        p.moveTo(30, 0.2, 20);
        for (int k = 0; k <= 20; k++) assertEquals(quintic(0.3, 0.01, 0, 0.2, 20, k)[0], p.value(30 + k), 1e-12);
        assertEquals(0.29, p.value(29), 1e-15);                        // the schedule before the move
        assertEquals(0.2, p.value(80), 0);                             // the target after it, not the schedule
    }
}
