package dev.anchorsweep.stopping;

import dev.anchorsweep.property.Condition;
import dev.anchorsweep.reproduction.PaperConfigs;
import dev.anchorsweep.run.RunSpec;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The stopping rules on hand-made validation sequences: thresholds with after, the median rule with min-runs, order. */
class StopCheckTest {

    static RunSpec run(int seed, List<StopRule> rules) {
        RunSpec r = PaperConfigs.run("ex-2.9.1", seed);
        return new RunSpec(seed, r.architecture(), r.training(), r.concepts(), r.regularizers(), r.interventions(),
                r.evaluation(), r.reactive(), rules);
    }

    /** The first stop along a sequence of recon values at steps 100, 200, …, or null. */
    static Stop firstStop(StopCheck check, double... recon) {
        for (int i = 0; i < recon.length; i++) {
            Stop stop = check.check(100 * (i + 1), Map.of("recon", recon[i]));
            if (stop != null) return stop;
        }
        return null;
    }

    static Map<Integer, Map<String, Double>> history(double... recon) {
        Map<Integer, Map<String, Double>> h = new LinkedHashMap<>();
        for (int i = 0; i < recon.length; i++) h.put(100 * (i + 1), Map.of("recon", recon[i]));
        return h;
    }

    static final StopRule ABOVE_AFTER_300 = new StopRule.Threshold("reconstructing",
            new Condition.Above("validation.recon", 0.02), 300);

    @Test
    void aThresholdHoldsOnlyFromItsAfterStep() {
        StopCheck check = new StopCheck(run(0, List.of(ABOVE_AFTER_300)), new ArmValidations());
        // above 0.02 at 100 and 200 (before after = 300), below at 300, above at 400
        assertEquals(new Stop(400, "reconstructing"), firstStop(check, 0.5, 0.3, 0.01, 0.03, 0.5));
        assertEquals(new Stop(300, "reconstructing"), firstStop(check, 0.5, 0.3, 0.021));
        assertNull(firstStop(check, 0.5, 0.3, 0.02, 0.019, 0.001), "0.02 is not above 0.02");
        // NaN never stops (a diverged run fails instead)
        assertNull(firstStop(check, 0.5, 0.3, Double.NaN, Double.POSITIVE_INFINITY));
        StopCheck below = new StopCheck(run(0, List.of(new StopRule.Threshold("done",
                new Condition.Below("validation.recon", 0.001), 0))), new ArmValidations());
        assertEquals(new Stop(200, "done"), firstStop(below, 0.01, 0.0009));
    }

    @Test
    void theMedianRuleNeedsMinRunsOfTheArmAndComparesWithFactorTimesTheirMedian() {
        StopRule behind = new StopRule.BehindMedian("behind-median", "validation.recon", 3, 200, 3);
        RunSpec late = run(5, List.of(behind));
        String arm = ArmValidations.armOf(late);
        ArmValidations arms = new ArmValidations();
        arms.add(arm, history(0.10, 0.04, 0.02));
        arms.add(arm, history(0.20, 0.05, 0.03));
        // two earlier runs: fewer than min-runs = 3, never stops
        assertNull(firstStop(new StopCheck(late, arms), 9, 9, 9));
        arms.add(arm, history(0.30, 0.06));            // stopped at 200 itself: counts at 100 and 200 only
        // medians: 100 → 0.2, 200 → 0.05 (3 runs), 300 → only 2 runs reached it
        // 100 is before after = 200; at 200, 0.16 > 3 × 0.05 = 0.15 stops
        assertEquals(new Stop(200, "behind-median"), firstStop(new StopCheck(late, arms), 9, 0.16, 9));
        assertNull(firstStop(new StopCheck(late, arms), 9, 0.15, 9), "0.15 is not worse than 3 × 0.05");
        // runs of another arm (another spec, not only another seed) never count
        RunSpec other = run(5, List.of(behind,
                new StopRule.Threshold("never", new Condition.Above("validation.recon", 1e9), 0)));
        assertNull(firstStop(new StopCheck(other, arms), 9, 0.16, 9));
        // even count: the mean of the middle two
        ArmValidations four = new ArmValidations();
        for (double v : new double[]{0.01, 0.02, 0.04, 0.08}) four.add(arm, history(v));
        assertEquals(0.03, four.median(arm, 100, "recon", 4), 1e-15);
        assertEquals(Double.NaN, four.median(arm, 100, "recon", 5));
    }

    @Test
    void theFirstRuleInNameOrderThatHoldsStopsTheRun() {
        StopRule a = new StopRule.Threshold("a-loose", new Condition.Above("validation.recon", 0.01), 0);
        StopRule b = new StopRule.Threshold("b-strict", new Condition.Above("validation.recon", 0.001), 0);
        // both hold at 100: a (first by name) wins whatever the order given
        assertEquals(new Stop(100, "a-loose"), firstStop(new StopCheck(run(0, List.of(b, a)), new ArmValidations()), 0.5));
        // only b holds at 100, both at 200: b at 100
        assertEquals(new Stop(100, "b-strict"),
                firstStop(new StopCheck(run(0, List.of(a, b)), new ArmValidations()), 0.005, 0.5));
        assertNull(firstStop(new StopCheck(run(0, List.of()), new ArmValidations()), 0.5, 0.5));
    }

    @Test
    void rulesStateTheirInvariants() {
        assertThrows(IllegalArgumentException.class, () -> new StopRule.BehindMedian("m", "validation.recon", 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new StopRule.BehindMedian("m", "validation.recon", 2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new StopRule.Threshold("t",
                new Condition.Stalled("validation.recon", 10, 0.1), 0));
    }
}
