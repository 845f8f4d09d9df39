package dev.anchorsweep.stopping;

import dev.anchorsweep.fused.FusedPackTrainer;
import dev.anchorsweep.property.Condition;
import dev.anchorsweep.reproduction.PaperConfigs;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;
import dev.anchorsweep.train.HistoryPoint;
import dev.anchorsweep.train.TrainedRun;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping in real fused training (the paper's isolated run, 1000 steps, validation every 100): a stopped run's history
 * ends at its stop step and is the unstopped run's up to there, the other runs of its pack are bit-for-bit what they
 * are alone, and the pack applies fewer updates (the stopped run frees its slot for the next).
 */
class StoppingTrainingTest {

    static final int STEPS = 1000;

    /** Validation recon is always above 0: stops at the first check at or after 100. */
    static final StopRule AT_100 = new StopRule.Threshold("at-100", new Condition.Above("validation.recon", 0), 100);

    static RunSpec run(int seed, List<StopRule> rules) {
        RunSpec r = PaperConfigs.run("ex-2.9.1", seed);
        TrainingSpec t = r.training();
        TrainingSpec shortened = new TrainingSpec(STEPS, t.batchSize(), t.gridSubdivisions(), t.lr(), 100, 50,
                List.of(0, STEPS), t.engine(), t.data(), t.reconWeight(), List.of());
        return new RunSpec(seed, r.architecture(), shortened, r.concepts(), r.regularizers(), r.interventions(),
                r.evaluation(), List.of(), rules);
    }

    @Test
    void aStoppedRunEndsAtItsStopStepAndLeavesTheOtherRunsOfItsPackAsTheyAreAlone() {
        FusedPackTrainer pack = new FusedPackTrainer();
        List<TrainedRun> trained = pack.train(List.of(run(0, List.of()), run(1, List.of(AT_100)), run(2, List.of())));
        TrainedRun stopped = trained.get(1);
        assertTrue(stopped.ok() && stopped.stopped(), String.valueOf(stopped.failure()));
        assertEquals(new Stop(100, "at-100"), stopped.stop());
        assertEquals(100, stopped.stepsTrained());
        HistoryPoint last = stopped.history().get(stopped.history().size() - 1);
        assertEquals(100, last.step(), "history ends at the stop step");
        assertFalse(last.validation().isEmpty(), "the stop step's validation is recorded");
        assertTrue(last.losses().isEmpty(), "batch 100 is not trained");
        // up to the stop, exactly the unstopped run's training
        TrainedRun full = new FusedPackTrainer().train(List.of(run(1, List.of()))).get(0);
        assertNull(full.stop());
        for (HistoryPoint p : stopped.history()) {
            HistoryPoint same = full.history().stream().filter(q -> q.step() == p.step()).findFirst().orElseThrow();
            if (p.step() < 100) assertEquals(same, p, "history at step " + p.step());
            else assertEquals(same.validation(), p.validation(), "validation at the stop step");
        }
        assertEquals(List.of(0, 100), stopped.snapshots().keySet().stream().sorted().toList(),
                "the final snapshot is taken at the stop step");
        // the others: bit-for-bit their results alone
        for (int i : new int[]{0, 2}) {
            TrainedRun alone = new FusedPackTrainer().train(List.of(run(i, List.of()))).get(0);
            assertFalse(trained.get(i).stopped());
            assertEquals(alone.weights(), trained.get(i).weights(), "seed " + i);
            assertEquals(alone.history(), trained.get(i).history(), "seed " + i);
        }
        assertEquals(100 + 2L * STEPS, pack.stepsTrained(), "updates applied by the pack");
    }

    @Test
    void aRunStoppedAtStep100Of1000FreesItsSlot() {
        FusedPackTrainer stopping = new FusedPackTrainer();
        stopping.train(List.of(run(0, List.of(AT_100)), run(1, List.of())));
        FusedPackTrainer plain = new FusedPackTrainer();
        plain.train(List.of(run(0, List.of()), run(1, List.of())));
        assertEquals(2L * STEPS, plain.stepsTrained());
        assertEquals(100 + STEPS, stopping.stepsTrained());
    }

    @Test
    void theMedianRuleComparesARunWithItsArmsRunsOfSmallerSeedInThePack() {
        // factor 0: every value is worse than 0 × the median, so a run stops once min-runs = 2 runs of smaller seed
        // of its arm reached the step: seeds 0 and 1 train fully, 2 and 3 stop at after = 200; the order given does
        // not matter
        StopRule behind = new StopRule.BehindMedian("behind", "validation.recon", Double.MIN_VALUE, 200, 2);
        List<RunSpec> runs = List.of(run(3, List.of(behind)), run(1, List.of(behind)), run(0, List.of(behind)),
                run(2, List.of(behind)));
        List<TrainedRun> trained = new FusedPackTrainer().train(runs);
        assertEquals(List.of(200, 1000, 1000, 200), trained.stream().map(TrainedRun::stepsTrained).toList());
        assertEquals(List.of(true, false, false, true), trained.stream().map(TrainedRun::stopped).toList());
    }
}
