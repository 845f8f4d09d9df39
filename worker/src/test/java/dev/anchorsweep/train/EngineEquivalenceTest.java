package dev.anchorsweep.train;

import dev.anchorsweep.reproduction.PaperConfigs;
import dev.anchorsweep.run.Engine;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fused engine trains as the SameDiff engine does: the first 100 steps of the paper's isolated and anchored runs
 * give the same losses (every step's recon, total and each term within relative 1e-3) and the same validation; the
 * same history rows, label counts and snapshots; and a run alone equals the same run in a pack of 4.
 */
class EngineEquivalenceTest {

    static final int STEPS = 101;

    static RunSpec firstSteps(RunSpec r, Engine engine) {
        TrainingSpec t = r.training();
        return new RunSpec(r.seed(), r.architecture(), new TrainingSpec(STEPS, t.batchSize(), t.gridSubdivisions(),
                t.lr(), 50, 1, List.of(0, 60, STEPS), engine), r.concepts(), r.regularizers(), r.interventions(),
                r.evaluation());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ex-2.9.1", "ex-2.4.1"})
    void theFirst100StepsGiveTheSameLosses(String experiment) {
        for (int seed : new int[] {0, 7}) {
            RunSpec run = PaperConfigs.run(experiment, seed);
            TrainedRun samediff = new PackTrainer().train(List.of(firstSteps(run, Engine.SAMEDIFF))).get(0);
            TrainedRun fused = TrainerFactory.trainer().train(List.of(firstSteps(run, Engine.FUSED))).get(0);
            String what = experiment + " seed " + seed;
            assertTrue(samediff.ok() && fused.ok(), what);
            assertEquals(samediff.labelCounts(), fused.labelCounts(), what + " label counts");
            assertEquals(samediff.snapshots().keySet(), fused.snapshots().keySet(), what + " snapshot steps");
            assertEquals(samediff.snapshots().get(0), fused.snapshots().get(0), what + ": the same initial weights");
            assertEquals(samediff.history().size(), fused.history().size(), what + " history rows");
            double worst = 0;
            for (int i = 0; i < samediff.history().size(); i++) {
                HistoryPoint a = samediff.history().get(i), b = fused.history().get(i);
                assertEquals(a.step(), b.step());
                assertEquals(a.lr(), b.lr());
                assertEquals(a.weights(), b.weights());
                worst = Math.max(worst, assertClose(a.losses(), b.losses(), what + " losses at step " + a.step()));
                worst = Math.max(worst, assertClose(a.validation(), b.validation(), what + " validation at " + a.step()));
            }
            System.out.printf("%s: worst relative loss difference over %d steps %.2e%n", what, STEPS, worst);
        }
    }

    private static double assertClose(Map<String, Double> expected, Map<String, Double> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        double worst = 0;
        for (var e : expected.entrySet()) {
            double a = e.getValue(), b = actual.get(e.getKey());
            double relative = Math.abs(a - b) / Math.max(Math.abs(a), 1e-6);
            worst = Math.max(worst, relative);
            assertTrue(relative <= 1e-3, what + ": " + e.getKey() + " is " + b + " with the fused engine, " + a
                    + " with SameDiff (relative " + relative + ")");
        }
        return worst;
    }

    @Test
    void aFusedRunAloneEqualsTheSameRunInAPackOfFour() {
        int steps = 300;
        RunSpec subject = PackEquivalenceTest.shortened(PaperConfigs.run("ex-2.9.1", 3), steps).withEngine(Engine.FUSED);
        List<RunSpec> pack = List.of(
                PackEquivalenceTest.shortened(PaperConfigs.run("ex-2.10.1", 11), steps).withEngine(Engine.FUSED),
                PackEquivalenceTest.shortened(PaperConfigs.run("ex-2.9.1", 5), steps).withEngine(Engine.FUSED),
                subject,
                PackEquivalenceTest.shortened(PaperConfigs.run("ex-2.10.1", 3), steps).withEngine(Engine.FUSED));
        TrainedRun alone = TrainerFactory.trainer().train(List.of(subject)).get(0);
        List<TrainedRun> packed = TrainerFactory.trainer().train(pack);
        TrainedRun inPack = packed.get(2);
        assertTrue(alone.ok() && inPack.ok());
        assertEquals(1, alone.packSize());
        assertEquals(4, inPack.packSize());
        assertEquals(alone.labelCounts(), inPack.labelCounts());
        for (int l = 0; l < alone.weights().encoder().size(); l++) {
            assertArrayEquals(alone.weights().encoder().get(l).weights(), inPack.weights().encoder().get(l).weights());
            assertArrayEquals(alone.weights().decoder().get(l).bias(), inPack.weights().decoder().get(l).bias());
        }
        assertEquals(alone.weights(), inPack.weights());
        assertEquals(alone.history(), inPack.history());
        assertTrue(!packed.get(1).finalLosses().get("recon").equals(inPack.finalLosses().get("recon")));
    }

    @Test
    void aDivergingRunFailsAtTheSameStepWithBothEngines() {
        RunSpec run = PaperConfigs.run("ex-2.9.1", 1);
        TrainingSpec t = run.training();
        RunSpec diverging = new RunSpec(1, run.architecture(), new TrainingSpec(20, t.batchSize(), t.gridSubdivisions(),
                dev.anchorsweep.schedule.KeyframeSchedule.constant(1e30), 10, 10, List.of(20)), run.concepts(),
                run.regularizers(), run.interventions(), run.evaluation());
        TrainedRun samediff = new PackTrainer().train(List.of(diverging.withEngine(Engine.SAMEDIFF))).get(0);
        TrainedRun fused = TrainerFactory.trainer().train(List.of(diverging.withEngine(Engine.FUSED))).get(0);
        assertTrue(!samediff.ok() && !fused.ok(), "lr 1e30 diverges: " + samediff.failure() + ", " + fused.failure());
        assertEquals(samediff.failure().step(), fused.failure().step(), samediff.failure() + " vs " + fused.failure());
        assertTrue(fused.failure().error().startsWith("diverged: total loss is NaN"), fused.failure().error());
        assertEquals(samediff.history().stream().map(HistoryPoint::step).toList(),
                fused.history().stream().map(HistoryPoint::step).toList());
    }

    @Test
    void autoTrainsPaperRunsWithTheFusedEngine() {
        RunSpec run = PaperConfigs.run("ex-2.9.1", 0);
        assertEquals(Engine.AUTO, run.training().engine());
        assertEquals(Engine.FUSED, TrainerFactory.resolve(run));
        assertEquals(Engine.SAMEDIFF, TrainerFactory.resolve(run.withEngine(Engine.SAMEDIFF)));
        assertFalse(run.canonical().contains("\"engine\""), "auto leaves the run id unchanged");
        assertTrue(run.withEngine(Engine.SAMEDIFF).canonical().contains("\"engine\":\"samediff\""));
    }
}
