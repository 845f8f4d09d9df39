package dev.anchorsweep.intervention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.model.DenseLayer;
import dev.anchorsweep.model.ModelWeights;
import java.util.List;
import org.junit.jupiter.api.Test;

class AblationTest {

    /** K=3, H=2, N=1; producer [2,3] and consumer [3,2] with recognisable entries. */
    private static ModelWeights tiny() {
        return new ModelWeights(new Architecture(3, 2, 1, true, false),
                List.of(new DenseLayer(3, 2, new float[] {.1f, .2f, .3f, .4f, .5f, .6f}, new float[] {.7f, .8f}),
                        new DenseLayer(2, 3, new float[] {1, 2, 3, 4, 5, 6}, new float[] {7, 8, 9})),
                List.of(new DenseLayer(3, 2, new float[] {1, 2, 3, 4, 5, 6}, new float[] {7, 8}),
                        new DenseLayer(2, 3, new float[] {-1, -2, -3, -4, -5, -6}, new float[] {-7, -8, -9})));
    }

    @Test
    void zeroesProducerColumnAndBiasAndConsumerRow() {
        ModelWeights original = tiny();
        ModelWeights ablated = new Ablation(1).apply(original);
        assertArrayEquals(new float[] {1, 0, 3, 4, 0, 6}, ablated.latentProducer().weights());
        assertArrayEquals(new float[] {7, 0, 9}, ablated.latentProducer().bias());
        assertArrayEquals(new float[] {1, 2, 0, 0, 5, 6}, ablated.latentConsumer().weights());
        assertArrayEquals(new float[] {7, 8}, ablated.latentConsumer().bias());
        assertEquals(original.encoder().get(0), ablated.encoder().get(0));
        assertEquals(original.decoder().get(1), ablated.decoder().get(1));
        assertEquals(original.architecture(), ablated.architecture());
        assertEquals(tiny(), original); // untouched
    }

    @Test
    void ablatesSeveralDims() {
        ModelWeights ablated = new Ablation(2, 0).apply(tiny());
        assertArrayEquals(new float[] {0, 2, 0, 0, 5, 0}, ablated.latentProducer().weights());
        assertArrayEquals(new float[] {0, 8, 0}, ablated.latentProducer().bias());
        assertArrayEquals(new float[] {0, 0, 3, 4, 0, 0}, ablated.latentConsumer().weights());
    }

    @Test
    void pruningDropsTheSameEntries() {
        ModelWeights pruned = new Pruning(1).apply(tiny());
        assertEquals(2, pruned.architecture().latentDim());
        assertArrayEquals(new float[] {1, 3, 4, 6}, pruned.latentProducer().weights());
        assertArrayEquals(new float[] {7, 9}, pruned.latentProducer().bias());
        assertArrayEquals(new float[] {1, 2, 5, 6}, pruned.latentConsumer().weights());
        assertArrayEquals(new float[] {7, 8}, pruned.latentConsumer().bias());
        assertEquals(tiny().encoder().get(0), pruned.encoder().get(0));
    }

    @Test
    void rejectsInvalidDims() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Ablation(3).apply(tiny()));
        assertEquals("latent dim 3 is out of range for a latent of width 3 (valid: 0..2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Pruning(0, 1, 2).apply(tiny()));
        assertTrue(e.getMessage().contains("at least one must remain"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Ablation(1, 1));
        assertTrue(e.getMessage().contains("distinct"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Ablation());
        assertThrows(IllegalArgumentException.class, () -> new Pruning(-1));
    }
}
