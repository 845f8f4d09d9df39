package dev.anchorsweep.fused;

import dev.anchorsweep.concept.Concept;
import dev.anchorsweep.concept.Measure;
import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.regularizer.EuclideanSeparate;
import dev.anchorsweep.run.EvaluationSpec;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;
import dev.anchorsweep.schedule.KeyframeSchedule;
import dev.anchorsweep.train.WeightInit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fused Euclidean separation on three points worked out by hand (value and gradient), and its gradient through
 * the whole fused engine against finite differences.
 */
class EuclideanSeparationTermTest {

    static final double E = 1e-6;

    /** A latent batch of B samples with these latents (no bottleneck: z = preNorm), feature-major. */
    static LatentBatch batch(float[][] z) {
        int k = z[0].length;
        LatentBatch latent = new LatentBatch(k, z.length, false);
        for (int i = 0; i < z.length; i++) {
            for (int d = 0; d < k; d++) latent.preNorm[d * latent.bp + i] = z[i][d];
        }
        latent.forward();
        return latent;
    }

    @Test
    void threePointsByHand() {
        // dims 0 and 2 of p0 = (0, ·, 0), p1 = (1, ·, 0), p2 = (0, ·, 2): s01 = 1, s02 = 4, s12 = 5
        LatentBatch latent = batch(new float[][] {{0, 9, 0}, {1, 9, 0}, {0, -3, 2}});
        EuclideanSeparationTerm term = new EuclideanSeparationTerm(new int[] {0, 2}, E);
        float[] out = new float[latent.bp];
        term.values(latent, out);
        double f01 = 1 / (1 + E), f02 = 1 / (4 + E), f12 = 1 / (5 + E);
        assertEquals((f01 + f02) / 3, out[0], 1e-7);
        assertEquals((f01 + f12) / 3, out[1], 1e-7);
        assertEquals((f02 + f12) / 3, out[2], 1e-7);
        // L = mean of ℓ = (1/9)·Σ_{i≠j} f_ij = (2/9)(f01 + f02 + f12)
        ReducedTerm reduced = new ReducedTerm(null, term, -1);
        assertEquals(2.0 / 9 * (f01 + f02 + f12), reduced.value(latent, new float[0][]), 1e-7);

        // ∂L/∂p_i = −(4/9)·Σ_j f_ij²·(p_i − p_j) (each pair counts twice); ∂/∂(dim 1) = 0
        java.util.Arrays.fill(latent.gradZ, 0f);
        reduced.addGradient(latent, new float[0][], 1f);
        double[][] expected = {
                {-4.0 / 9 * (f01 * f01 * -1), 0, -4.0 / 9 * (f02 * f02 * -2)},
                {-4.0 / 9 * (f01 * f01 * 1 + f12 * f12 * 1), 0, -4.0 / 9 * (f12 * f12 * -2)},
                {-4.0 / 9 * (f12 * f12 * -1), 0, -4.0 / 9 * (f02 * f02 * 2 + f12 * f12 * 2)}};
        for (int i = 0; i < 3; i++) {
            for (int d = 0; d < 3; d++) {
                assertEquals(expected[i][d], latent.gradZ[d * latent.bp + i], 1e-7, "∂L/∂z[" + i + "][" + d + "]");
            }
        }
    }

    @Test
    void identicalPointsAddNothingAndTakeNoGradient() {
        // samples 0 and 2 coincide on dims 0..1 (a colour drawn twice): their pair is left out like the diagonal
        LatentBatch latent = batch(new float[][] {{0, 0}, {3, 4}, {0, 0}});
        EuclideanSeparationTerm term = new EuclideanSeparationTerm(new int[] {0, 1}, E);
        float[] out = new float[latent.bp];
        term.values(latent, out);
        double f = 1 / (25 + E);
        assertEquals(f / 3, out[0], 1e-8);
        assertEquals(2 * f / 3, out[1], 1e-8);
        assertEquals(f / 3, out[2], 1e-8);
        java.util.Arrays.fill(latent.gradZ, 0f);
        float[] coef = new float[latent.bp];
        java.util.Arrays.fill(coef, 0, 3, 1f / 3);
        term.addGradient(latent, coef);
        for (float g : latent.gradZ) assertTrue(Float.isFinite(g));
        // p1 is pushed away from both (identical) others: −(2/3)·(2/3)·f²·(p1 − p0) twice
        assertEquals(-4.0 / 9 * f * f * 3 * 2, latent.gradZ[1], 1e-10);
    }

    @Test
    void gradientThroughTheFusedEngineMatchesFiniteDifferences() {
        Architecture old = new Architecture(3, 16, 2, false, true);
        Concept red = new Concept("red", Measure.REDNESS, 1, 1);
        for (String concept : new String[] {null, "red"}) {
            RunSpec run = new RunSpec(0, old, new TrainingSpec(10, 16, 8, KeyframeSchedule.constant(0.01), 5, 1,
                    List.of(10)), List.of(red), List.of(new RegularizerSpec("esep", new EuclideanSeparate(0, 1),
                    concept, KeyframeSchedule.constant(1))), List.of(), new EvaluationSpec(List.of("named"),
                    "latent-cube", List.of(), new EvaluationSpec.Selection(null, List.of("recon"))));
            FusedLayout layout = new FusedLayout(old);
            Network net = new Network(layout, 16);
            FusedRun fused = new FusedRun(run, layout, net, new Network(layout, 351));
            layout.write(WeightInit.initialize(old, 42), fused.params());
            SplittableRandom rng = new SplittableRandom(3);
            float[] rows = new float[16 * 3];
            for (int i = 0; i < rows.length; i++) rows[i] = (float) rng.nextDouble();
            net.load(rows);
            float[][] labels = new float[1][net.bp];
            for (int i = 0; i < 16; i++) labels[0][i] = i % 3 == 0 ? 1 : 0;
            double scale = FiniteDifferences.check("euclidean-separate, concept " + concept, fused, labels, 2e-3);
            assertTrue(scale > 0, "the term must have a gradient");
        }
    }
}
