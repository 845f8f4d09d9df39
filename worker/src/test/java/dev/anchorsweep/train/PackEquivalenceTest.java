package dev.anchorsweep.train;

import dev.anchorsweep.model.DenseLayer;
import dev.anchorsweep.reproduction.PaperConfigs;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run trained alone equals the same run trained inside a pack of 4 with other seeds, another regularizer set
 * (2.10.1 lacks the anti-anchor) and other schedules: no parameter is shared, so its gradients and Adam updates are
 * its own.
 */
class PackEquivalenceTest {

    static RunSpec shortened(RunSpec r, int steps) {
        TrainingSpec t = r.training();
        return new RunSpec(r.seed(), r.architecture(), new TrainingSpec(steps, t.batchSize(), t.gridSubdivisions(),
                t.lr(), 100, t.historyEvery(), List.of(0, steps)), r.concepts(), r.regularizers(), r.interventions(),
                r.evaluation());
    }

    @Test
    void aRunAloneEqualsTheSameRunInAPackOfFour() {
        int steps = 300;
        RunSpec subject = shortened(PaperConfigs.run("ex-2.9.1", 3), steps);
        List<RunSpec> pack = List.of(
                shortened(PaperConfigs.run("ex-2.10.1", 11), steps),
                shortened(PaperConfigs.run("ex-2.9.1", 5), steps),
                subject,
                shortened(PaperConfigs.run("ex-2.10.1", 3), steps));

        TrainedRun alone = new PackTrainer().train(List.of(subject)).get(0);
        List<TrainedRun> packed = new PackTrainer().train(pack);
        TrainedRun inPack = packed.get(2);

        assertTrue(alone.ok() && inPack.ok());
        assertEquals(1, alone.packSize());
        assertEquals(4, inPack.packSize());
        assertEquals(alone.labelCounts(), inPack.labelCounts());
        for (int l = 0; l < alone.weights().encoder().size(); l++) {
            assertLayersClose(alone.weights().encoder().get(l), inPack.weights().encoder().get(l));
            assertLayersClose(alone.weights().decoder().get(l), inPack.weights().decoder().get(l));
        }
        assertEquals(alone.history().size(), inPack.history().size());
        for (int i = 0; i < alone.history().size(); i++) {
            HistoryPoint a = alone.history().get(i);
            HistoryPoint b = inPack.history().get(i);
            assertEquals(a.step(), b.step());
            assertEquals(a.weights(), b.weights());
            assertClose(a.losses(), b.losses(), "losses at step " + a.step());
            assertClose(a.validation(), b.validation(), "validation at step " + a.step());
        }
        // the other runs of the pack really differ from the subject
        assertNotEquals(packed.get(1).finalLosses().get("recon"), inPack.finalLosses().get("recon"));
    }

    private static void assertLayersClose(DenseLayer a, DenseLayer b) {
        for (int i = 0; i < a.weights().length; i++) assertEquals(a.weights()[i], b.weights()[i], 1e-5, "weight " + i);
        for (int i = 0; i < a.bias().length; i++) assertEquals(a.bias()[i], b.bias()[i], 1e-5, "bias " + i);
    }

    private static void assertClose(Map<String, Double> a, Map<String, Double> b, String what) {
        assertEquals(a.keySet(), b.keySet(), what);
        a.forEach((k, v) -> assertEquals(v, b.get(k), 1e-5 * Math.max(1e-3, Math.abs(v)), what + ": " + k));
    }
}
