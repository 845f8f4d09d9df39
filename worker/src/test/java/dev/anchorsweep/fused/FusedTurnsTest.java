package dev.anchorsweep.fused;

import dev.anchorsweep.data.M1Runs;
import dev.anchorsweep.model.DenseLayer;
import dev.anchorsweep.model.ModelWeights;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.train.TrainedRun;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pack's runs trained in turns ({@link FusedPackTrainer#TURN_STEPS} steps each) give each run exactly what it gives
 * trained alone from its first step to its last: curriculum batches moving every step, runs of other regularizer weights, and a run that diverges
 * beside them.
 */
class FusedTurnsTest {

    /** ex-1.6 (smooth) shortened to {@code steps}, its weighted phase from step 40, with {@code extra} config. */
    private static RunSpec run(int seed, int steps, String extra) {
        return M1Runs.parse(M1Runs.ex16("smooth", steps, "40") + extra, seed);
    }

    @Test
    void runsTrainedInTurnsEqualEachRunTrainedAlone() {
        int steps = 150; // two turns and a part
        String data = """
                training.data.properties.data-hues = [[40, 0], [149, 1]]
                training.data.properties.data-vibrancies = [[40, 0.2], [120, 0.9]]
                """;
        List<RunSpec> pack = List.of(
                run(3, steps, data),
                run(11, steps, data + "regularizers.planar.weight = 0.5\n"),
                run(5, steps, data + "regularizers.norm.weight = 1e300\n"), // diverges
                run(7, steps, data));
        assertTrue(steps % FusedPackTrainer.TURN_STEPS != 0);
        List<TrainedRun> together = new FusedPackTrainer().train(pack);
        assertEquals(pack.size(), together.size());
        for (int p = 0; p < pack.size(); p++) {
            TrainedRun alone = straightThrough(pack.get(p));
            TrainedRun inPack = together.get(p);
            assertEquals(pack.size(), inPack.packSize());
            assertEquals(alone.ok(), inPack.ok(), "run " + p);
            assertEquals(alone.history(), inPack.history(), "run " + p);
            if (!alone.ok()) {
                assertEquals(alone.failure(), inPack.failure());
                continue;
            }
            assertEquals(steps, inPack.history().get(inPack.history().size() - 1).step());
            assertEquals(alone.snapshots().keySet(), inPack.snapshots().keySet());
            assertWeightsEqual(alone.weights(), inPack.weights());
        }
        assertFalse(together.get(2).ok(), "a norm weight of 1e300 (infinite as a float) diverges");
        assertTrue(together.get(0).ok() && together.get(1).ok() && together.get(3).ok());
    }

    /** The run trained from its first step to its last without a pause (no turns), as before turns existed. */
    private static TrainedRun straightThrough(RunSpec run) {
        FusedLayout layout = new FusedLayout(run.architecture());
        Network validation = new Network(layout, dev.anchorsweep.color.ColorSets.validation().size());
        FusedRun.loadValidationColors(validation);
        return new FusedRun(run, layout, new Networks(layout), validation).train(f -> { });
    }

    private static void assertWeightsEqual(ModelWeights a, ModelWeights b) {
        for (int l = 0; l < a.encoder().size(); l++) {
            assertLayerEquals(a.encoder().get(l), b.encoder().get(l));
            assertLayerEquals(a.decoder().get(l), b.decoder().get(l));
        }
    }

    private static void assertLayerEquals(DenseLayer a, DenseLayer b) {
        assertArrayEquals(a.weights(), b.weights());
        assertArrayEquals(a.bias(), b.bias());
    }
}
