package dev.anchorsweep.analysis.adaptive;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stopping rule per arm on hand-made outcomes, and which seeds each round gives the arms. */
class SeedRoundsTest {

    static SeedRule rule(int start, int step, int max, double width, String metric, boolean paretoOnly) {
        return new SeedRule(start, step, max, width, SeedMetric.parse(metric), 0.95, 2000, paretoOnly);
    }

    /** Values spread evenly over [centre − spread, centre + spread]. */
    static double[] spread(double centre, double spread, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = centre - spread + 2 * spread * i / (n - 1);
        return v;
    }

    static ArmStatus.Stop stop(List<ArmStatus> statuses, String arm) {
        return statuses.stream().filter(s -> s.arm().equals(arm)).findFirst().orElseThrow().stop();
    }

    @Test
    void roundsAddStepSeedsUpToMax() {
        SeedRounds rounds = new SeedRounds(rule(2, 2, 5, 0.01, "score", false), List.of("a", "b"));
        assertEquals(Map.of("a", 2, "b", 2), rounds.seeds());
        rounds.decide(Map.of("a", spread(0.5, 0.4, 2), "b", spread(0.5, 0.4, 2)));
        assertEquals(2, rounds.round());
        assertEquals(Map.of("a", 4, "b", 4), rounds.seeds());
        assertEquals(4, rounds.runsToAdd());
        rounds.decide(Map.of("a", spread(0.5, 0.4, 4), "b", spread(0.5, 0.4, 4)));
        assertEquals(Map.of("a", 5, "b", 5), rounds.seeds(), "the last round is cut at max");
        assertEquals(2, rounds.runsToAdd());
        rounds.decide(Map.of("a", spread(0.5, 0.4, 5), "b", spread(0.5, 0.4, 5)));
        assertTrue(rounds.done());
        assertEquals(List.of(ArmStatus.Stop.MAX, ArmStatus.Stop.MAX), rounds.statuses().stream().map(ArmStatus::stop).toList());
        assertEquals(3, rule(2, 2, 5, 0.01, "score", false).maxRounds());
    }

    @Test
    void anArmStopsWhenItsIntervalIsNarrowEnoughAndKeepsItsSeeds() {
        SeedRounds rounds = new SeedRounds(rule(3, 3, 12, 0.05, "score", false), List.of("narrow", "wide"));
        List<ArmStatus> first = rounds.decide(Map.of("narrow", new double[]{0.8, 0.8, 0.81}, "wide", spread(0.5, 0.4, 3)));
        assertEquals(ArmStatus.Stop.WIDTH, stop(first, "narrow"));
        assertNull(stop(first, "wide"));
        assertEquals(Map.of("narrow", 3, "wide", 6), rounds.seeds());
        assertEquals(3, rounds.runsToAdd());
        List<ArmStatus> second = rounds.decide(Map.of("narrow", new double[]{0.8, 0.8, 0.81}, "wide", spread(0.5, 0.4, 6)));
        assertEquals(ArmStatus.Stop.WIDTH, stop(second, "narrow"), "an arm that stopped stays stopped");
        assertFalse(rounds.done());
    }

    @Test
    void anArmWithoutOkRunsGoesOnToMax() {
        Map<String, Integer> seeds = Map.of("failing", 4);
        List<ArmStatus> s = SeedRounds.decide(rule(2, 2, 4, 0.05, "score", false), seeds, Map.of(), Map.of());
        assertEquals(ArmStatus.Stop.MAX, stop(s, "failing"));
        assertEquals(0, s.get(0).interval().n());
        List<ArmStatus> early = SeedRounds.decide(rule(2, 2, 6, 0.05, "score", false), seeds, Map.of(), Map.of());
        assertNull(stop(early, "failing"));
    }

    @Test
    void paretoOnlyStopsAnArmWhoseIntervalIsBelowTheBestArmsForAScore() {
        Map<String, Integer> seeds = new LinkedHashMap<>(Map.of("best", 5, "close", 5, "worse", 5));
        Map<String, double[]> values = Map.of("best", spread(0.9, 0.05, 5), "close", spread(0.87, 0.05, 5),
                "worse", spread(0.3, 0.05, 5));
        List<ArmStatus> pareto = SeedRounds.decide(rule(5, 5, 20, 0.01, "score", true), seeds, values, Map.of());
        assertNull(stop(pareto, "best"));
        assertNull(stop(pareto, "close"), "its interval overlaps the best one's");
        assertEquals(ArmStatus.Stop.PARETO, stop(pareto, "worse"));
        ArmStatus best = pareto.stream().filter(s -> s.arm().equals("best")).findFirst().orElseThrow();
        ArmStatus worse = pareto.stream().filter(s -> s.arm().equals("worse")).findFirst().orElseThrow();
        assertTrue(worse.interval().high() < best.interval().low());

        List<ArmStatus> all = SeedRounds.decide(rule(5, 5, 20, 0.01, "score", false), seeds, values, Map.of());
        assertTrue(all.stream().allMatch(ArmStatus::needsMore), "without pareto-only every wide arm goes on");
    }

    @Test
    void paretoOnlyForALossStopsTheArmsAboveTheBest() {
        Map<String, Integer> seeds = Map.of("low", 5, "high", 5);
        Map<String, double[]> values = Map.of("low", spread(0.001, 0.0005, 5), "high", spread(0.01, 0.0005, 5));
        List<ArmStatus> s = SeedRounds.decide(rule(5, 5, 20, 0.0001, "val_recon", true), seeds, values, Map.of());
        assertNull(stop(s, "low"));
        assertEquals(ArmStatus.Stop.PARETO, stop(s, "high"));
    }

    @Test
    void metricsByName() {
        assertEquals("selection_score", SeedMetric.parse("score").sql());
        assertEquals("scores['ablate']", SeedMetric.parse("scores.ablate").sql());
        assertFalse(SeedMetric.parse("val_recon").higherIsBetter());
        assertNull(SeedMetric.parse("scores.it's"));
        assertNull(SeedMetric.parse("recon"));
    }

    @Test
    void theRuleOfAStoredConfig() {
        SeedRule rule = SeedRule.ofSweepConfig("grid { seeds { adaptive { start = 4, width = 0.02, pareto-only = true } } }");
        assertEquals(new SeedRule(4, SeedRule.DEFAULT_STEP, SeedRule.DEFAULT_MAX, 0.02, SeedMetric.parse("score"),
                SeedRule.DEFAULT_CONFIDENCE, SeedRule.DEFAULT_RESAMPLES, true), rule);
        assertNull(SeedRule.ofSweepConfig("grid { seeds = \"0..9\" }"));
        assertNull(SeedRule.ofSweepConfig("sweep.name = x"));
    }
}
