package dev.anchorsweep.property;

import dev.anchorsweep.fused.FusedPackTrainer;
import dev.anchorsweep.reproduction.PaperConfigs;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;
import dev.anchorsweep.schedule.KeyframeSchedule;
import dev.anchorsweep.train.HistoryPoint;
import dev.anchorsweep.train.TrainedRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reactive rules in real fused training (the paper's isolated run, 300 steps, validation every 100): a property's path
 * after its rule fires is the 1.4 quintic from its state at the firing step, history records the values used, and a
 * run in a pack with runs whose rules differ gives exactly its result alone.
 */
class ReactiveTrainingTest {

    static final int STEPS = 300;

    static RunSpec run(int seed, KeyframeSchedule reconWeight, List<ReactiveRule> rules) {
        RunSpec r = PaperConfigs.run("ex-2.9.1", seed);
        TrainingSpec t = r.training();
        TrainingSpec shortened = new TrainingSpec(STEPS, t.batchSize(), t.gridSubdivisions(), t.lr(), 100, 10,
                List.of(STEPS), t.engine(), t.data(), reconWeight, List.of());
        return new RunSpec(seed, r.architecture(), shortened, r.concepts(), r.regularizers(), r.interventions(),
                r.evaluation(), rules);
    }

    static TrainedRun train(RunSpec run) {
        TrainedRun trained = new FusedPackTrainer().train(List.of(run)).get(0);
        assertTrue(trained.ok(), String.valueOf(trained.failure()));
        return trained;
    }

    /** Fires at the first check (step 100): validation recon is far below 10. */
    static final ReactiveRule ANCHOR_UP = new ReactiveRule("anchor-up", "anchor",
            new Condition.Below("validation.recon", 10), new Goal.Target(0.5), 150, true);

    @Test
    void aReactivePropertyFollowsTheQuinticFromItsStateAtTheFiringStep() {
        RunSpec spec = run(0, TrainingSpec.RECON_WEIGHT, List.of(ANCHOR_UP));
        TrainedRun trained = train(spec);
        KeyframeSchedule s = spec.regularizers().get(0).schedule();
        assertEquals("anchor", spec.regularizers().get(0).name());
        // checked after batch 100, so the move starts at 101 from the schedule's value and backward differences there
        int f = 101;
        double y0 = s.valueAt(f);
        double v0 = s.valueAt(f) - s.valueAt(f - 1);
        double a0 = s.valueAt(f) - 2 * s.valueAt(f - 1) + s.valueAt(f - 2);
        assertTrue(v0 > 0 && a0 != 0, "the schedule is moving at 101: " + v0 + ", " + a0);
        int checked = 0;
        for (HistoryPoint p : trained.history()) {
            double expected = p.step() < f ? s.valueAt(p.step())
                    : p.step() >= f + 150 ? 0.5 : SmoothPropertyTest.quintic(y0, v0, a0, 0.5, 150, p.step() - f)[0];
            assertEquals(expected, p.weights().get("anchor"), 1e-12, "anchor weight at step " + p.step());
            if (p.step() > f && p.step() < f + 150) checked++;
        }
        assertTrue(checked >= 14, "history rows inside the move: " + checked);
        // the other weights follow their schedules; recon is not recorded (not configured, not moved)
        for (HistoryPoint p : trained.history()) {
            assertEquals(spec.regularizers().get(1).schedule().valueAt(p.step()), p.weights().get("anti-anchor"));
            assertEquals(spec.training().lr().valueAt(p.step()), p.lr());
            assertTrue(!p.weights().containsKey("recon"));
        }
        assertNotEquals(train(run(0, TrainingSpec.RECON_WEIGHT, List.of())).weights(), trained.weights(),
                "the rule changed the training");
    }

    @Test
    void historyRecordsTheValuesUsedAndTheTotalUsesThem() {
        ReactiveRule lrDown = new ReactiveRule("lr-down", "lr", new Condition.Above("loss.total", 0),
                new Goal.Factor(0.5), 20, false);
        ReactiveRule reconDown = new ReactiveRule("recon-down", "recon", new Condition.Below("loss.recon", 10),
                new Goal.Target(0.25), 50, true);
        RunSpec spec = run(1, KeyframeSchedule.constant(0.8), List.of(ANCHOR_UP, lrDown, reconDown));
        TrainedRun trained = train(spec);
        Map<Integer, HistoryPoint> byStep = new java.util.HashMap<>();
        trained.history().forEach(p -> byStep.put(p.step(), p));
        // lr halves (over 20 steps) after every check, from the value at the next step: at 101 and 201
        assertEquals(spec.training().lr().valueAt(100), byStep.get(100).lr());
        double lr101 = spec.training().lr().valueAt(101);
        assertEquals(lr101 / 2, byStep.get(130).lr(), 1e-15);
        assertEquals(lr101 / 4, byStep.get(230).lr(), 1e-15);
        // recon weight: 0.8 until the first check, then to 0.25 over 50 steps (from rest: 0.8 − 0.55·s(τ))
        assertEquals(0.8, byStep.get(100).weights().get("recon"));
        assertEquals(0.8 - 0.55 * SmoothPropertyTest.s(19 / 50.0), byStep.get(120).weights().get("recon"), 1e-12);
        assertEquals(0.25, byStep.get(200).weights().get("recon"));
        for (HistoryPoint p : trained.history()) {
            if (p.losses().isEmpty()) continue;
            double total = p.weights().get("recon") * p.losses().get("recon");
            for (RegularizerSpec r : spec.regularizers()) total += p.weights().get(r.name()) * p.losses().get(r.name());
            assertEquals(total, p.losses().get("total"), 1e-12 * Math.abs(total), "total at step " + p.step());
        }
    }

    @Test
    void aRunInAPackWithRunsWhoseRulesDifferEqualsTheRunAlone() {
        RunSpec subject = run(3, TrainingSpec.RECON_WEIGHT, List.of(ANCHOR_UP, new ReactiveRule("lr-stall", "lr",
                new Condition.Stalled("loss.recon", 100, 0.5), new Goal.Factor(0.5), 30, true)));
        List<RunSpec> pack = List.of(
                run(5, TrainingSpec.RECON_WEIGHT, List.of(new ReactiveRule("sep", "separate",
                        new Condition.Above("validation.recon", 0), new Goal.Target(0), 10, false))),
                subject,
                run(3, TrainingSpec.RECON_WEIGHT, List.of()),
                run(7, TrainingSpec.RECON_WEIGHT, List.of(new ReactiveRule("anchor-down", "anchor",
                        new Condition.Below("validation.anchor", 100), new Goal.Factor(0), 5, true))));
        TrainedRun alone = train(subject);
        List<TrainedRun> packed = new FusedPackTrainer().train(pack);
        TrainedRun inPack = packed.get(1);
        assertTrue(inPack.ok());
        assertEquals(4, inPack.packSize());
        assertEquals(alone.history(), inPack.history());
        assertEquals(alone.weights(), inPack.weights());
        assertNotEquals(packed.get(2).weights(), inPack.weights(), "same seed without rules trains differently");
    }
}
