package dev.anchorsweep.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyframeScheduleTest {

    // The paper schedules, SCA-SPEC §4.
    static final KeyframeSchedule LR = Keys.minJerk("0:1e-8, 10:0.01, 750:0.1, 1425:0.1, 1500:0.05");
    static final KeyframeSchedule ANCHORED_ANCHOR = Keys.minJerk("0:0.01, 750:0.1, 1425:0");
    static final KeyframeSchedule ANCHORED_SUBSPACE = Keys.minJerk("0:0.01, 375:0.1, 1125:0.1, 1425:0");
    static final KeyframeSchedule ISOLATED_ANTI_SUBSPACE = Keys.minJerk("0:0.25, 750:0.003, 1425:0");
    static final KeyframeSchedule ISOLATED_ANTI_ANCHOR = Keys.minJerk("0:0, 248:0.05, 1425:0");
    static final KeyframeSchedule ISOLATED_SEPARATE = Keys.minJerk("248:0.01, 750:0.001, 1425:0");

    static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-4);
    }

    @Test
    void specSpotValues() {
        assertRelative(0.019969, LR.valueAt(200));
        assertRelative(0.020968, ANCHORED_ANCHOR.valueAt(200));
        assertRelative(0.060608, ANCHORED_SUBSPACE.valueAt(200));
        assertRelative(0.05484, ISOLATED_ANTI_SUBSPACE.valueAt(500));
        assertRelative(0.046534, ISOLATED_ANTI_ANCHOR.valueAt(500));
        assertRelative(0.0054664, ISOLATED_SEPARATE.valueAt(500));
        assertRelative(0.005, LR.valueAt(5));
        assertRelative(0.089506, LR.valueAt(1450));
    }

    @Test
    void keysAreHitExactly() {
        assertEquals(1e-8, LR.valueAt(0));
        assertEquals(0.01, LR.valueAt(10));
        assertEquals(0.1, LR.valueAt(750));
        assertEquals(0.1, LR.valueAt(1000)); // between two equal keys
        assertEquals(0.05, LR.valueAt(1500));
    }

    @Test
    void holdsTheFirstValueBeforeTheFirstKeyAndTheLastAfterTheLast() {
        assertEquals(0.01, ISOLATED_SEPARATE.valueAt(0));
        assertEquals(0.01, ISOLATED_SEPARATE.valueAt(247));
        assertEquals(0.0, ISOLATED_SEPARATE.valueAt(1426));
        assertEquals(0.05, LR.valueAt(1_000_000));
    }

    @Test
    void minJerkUsesTauFromTheSurroundingKeys() {
        // τ = (200 − 10)/(750 − 10)
        double tau = 190.0 / 740;
        double s = 10 * Math.pow(tau, 3) - 15 * Math.pow(tau, 4) + 6 * Math.pow(tau, 5);
        assertEquals(0.01 + (0.1 - 0.01) * s, LR.valueAt(200), 1e-15);
    }

    @Test
    void linearInterpolation() {
        KeyframeSchedule linear = KeyframeSchedule.of(Interpolation.LINEAR, Keys.of("10:1, 20:3, 30:0"));
        assertEquals(1, linear.valueAt(0));
        assertEquals(2, linear.valueAt(15), 1e-12);
        assertEquals(2.4, linear.valueAt(22), 1e-12);
        assertEquals(0, linear.valueAt(99));
    }

    @Test
    void stepInterpolationHoldsUntilTheNextKey() {
        KeyframeSchedule step = KeyframeSchedule.of(Interpolation.STEP, Keys.of("10:1, 20:3"));
        assertArrayEquals(new double[] {1, 1, 1, 3, 3}, new double[] {
            step.valueAt(0), step.valueAt(10), step.valueAt(19), step.valueAt(20), step.valueAt(25)});
    }

    @Test
    void sampleGivesTheValueAtEveryStep() {
        double[] sampled = LR.sample(1501);
        assertEquals(1501, sampled.length);
        for (int t = 0; t < sampled.length; t += 7) {
            assertEquals(LR.valueAt(t), sampled[t]);
        }
        assertEquals(0, LR.sample(0).length);
        var e = assertThrows(IllegalArgumentException.class, () -> LR.sample(-1));
        assertEquals("sample length must be >= 0, but got -1", e.getMessage());
    }

    @Test
    void negativeStepIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> LR.valueAt(-1));
        assertEquals("step must be >= 0, but got -1", e.getMessage());
    }

    @Test
    void accessors() {
        assertEquals(Interpolation.MIN_JERK, LR.interpolation());
        assertEquals(Keys.of("0:1e-8, 10:0.01, 750:0.1, 1425:0.1, 1500:0.05"), LR.keyframes());
        assertEquals(248, ISOLATED_SEPARATE.firstStep());
        assertEquals(1425, ISOLATED_SEPARATE.lastStep());
        assertEquals(0.1, LR.maxValue());
        assertEquals(1e-8, LR.minValue());
        assertFalse(LR.isZeroEverywhere());
        assertTrue(Keys.minJerk("0:0, 500:0").isZeroEverywhere());
        assertThrows(UnsupportedOperationException.class, () -> LR.keyframes().add(new Keyframe(2000, 0)));
    }

    @Test
    void constant() {
        KeyframeSchedule constant = KeyframeSchedule.constant(0.02);
        assertEquals(0.02, constant.valueAt(0));
        assertEquals(0.02, constant.valueAt(10_000));
        assertTrue(KeyframeSchedule.constant(0).isZeroEverywhere());
    }

    @Test
    void canonicalToString() {
        assertEquals("min-jerk[0:1.0E-8, 10:0.01, 750:0.1, 1425:0.1, 1500:0.05]", LR.toString());
        assertEquals("linear[10:1.0, 20:0.0]",
                KeyframeSchedule.of(Interpolation.LINEAR, Keys.of("10:1, 20:-0")).toString());
        assertEquals("step[0:2.0E-4]", KeyframeSchedule.of(Interpolation.STEP, Keys.of("0:.0002")).toString());
    }

    @Test
    void equalByContent() {
        KeyframeSchedule again = KeyframeSchedule.minJerk(List.of(new Keyframe(0, 0.01), new Keyframe(750, 0.1),
                new Keyframe(1425, 0)));
        assertEquals(ANCHORED_ANCHOR, again);
        assertEquals(ANCHORED_ANCHOR.hashCode(), again.hashCode());
        assertNotEquals(ANCHORED_ANCHOR, KeyframeSchedule.of(Interpolation.LINEAR, again.keyframes()));
        assertNotEquals(ANCHORED_ANCHOR, Keys.minJerk("0:0.01, 750:0.1, 1425:0.001"));
    }

    @Test
    void needsAtLeastOneKeyframe() {
        var e = assertThrows(IllegalArgumentException.class, () -> KeyframeSchedule.minJerk(List.of()));
        assertEquals("a schedule needs at least one keyframe", e.getMessage());
    }

    @Test
    void stepsMustIncrease() {
        var e = assertThrows(IllegalArgumentException.class, () -> Keys.minJerk("0:0, 1425:0.1, 750:0.2"));
        assertEquals("keyframe steps must increase, but got 750 after 1425", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Keys.minJerk("0:0, 750:0.1, 750:0.2"));
        assertEquals("keyframe steps must increase, but got 750 after 750", e.getMessage());
    }
}
