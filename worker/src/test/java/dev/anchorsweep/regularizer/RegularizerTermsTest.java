package dev.anchorsweep.regularizer;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every regularizer's per-sample value in the SameDiff graph against values worked out by hand (SCA-SPEC §3). */
class RegularizerTermsTest {

    private static final double TOL = 1e-9;
    /** Angular terms see û = z / (‖z‖ + 1e-8): exact values move by about p·1e-8. */
    private static final double ANGULAR_TOL = 1e-6;

    /** ℓ for one run (P = 1) of latents z [B, K]; {@code preNorm} defaults to z. */
    private static double[] perSample(Regularizer reg, double[][] z, double[][] preNorm) {
        SameDiff sd = SameDiff.create();
        int b = z.length, k = z[0].length;
        SDVariable zv = sd.constant("z", Nd4j.createFromArray(new double[][][] {z}));
        SDVariable pre = preNorm == null ? zv : sd.constant("pre", Nd4j.createFromArray(new double[][][] {preNorm}));
        double[] param = reg.parameter(k);
        SDVariable p = param == null ? null : sd.constant("param", Nd4j.createFromArray(param).reshape(1, 1, k));
        SDVariable out = reg.perSample(new LatentVariables(sd, pre, zv), p);
        INDArray arr = out.eval();
        assertArrayEquals(new long[] {1, b}, arr.shape());
        return arr.reshape(b).toDoubleVector();
    }

    private static double[] perSample(Regularizer reg, double[][] z) {
        return perSample(reg, z, null);
    }

    private static final double[][] PLANE = {{1, 0}, {0.6, 0.8}, {0, 1}};

    @Test
    void separateWithoutShiftSumsPowersOfCosinesToOtherSamples() {
        // C01 = 0.6, C02 = 0, C12 = 0.8; self entries are masked: ℓ0 = .6², ℓ1 = .6² + .8², ℓ2 = .8²
        assertArrayEquals(new double[] {0.36, 1.0, 0.64}, perSample(new Separate(2, false), PLANE), ANGULAR_TOL);
    }

    @Test
    void separateWithShiftMapsCosinesToHalfPlusHalf() {
        // C' = (C+1)/2 with the masked self entry 0 → 0.5: ℓ0 = .5² + .8² + .5², ℓ1 = .8² + .5² + .9², ℓ2 = .5² + .9² + .5²
        assertArrayEquals(new double[] {1.14, 1.70, 1.31}, perSample(new Separate(2, true), PLANE), ANGULAR_TOL);
    }

    @Test
    void separateIgnoresDuplicateSamples() {
        // samples 0 and 2 are the same colour's latent: their pair is masked like self pairs
        double[][] z = {{1, 0}, {0, 1}, {1, 0}};
        assertArrayEquals(new double[] {0, 0, 0}, perSample(new Separate(2, false), z), ANGULAR_TOL);
        // …and opposite latents count with power 10 without shift: (−1)^10 = 1 (the 1.x form penalises antipodes)
        double[][] antipodes = {{1, 0}, {-1, 0}};
        assertArrayEquals(new double[] {1, 1}, perSample(new Separate(10, false), antipodes), ANGULAR_TOL);
    }

    @Test
    void euclideanSeparateIsTheMeanOverPairsOfInverseSquaredDistances() {
        // dims 0 and 2 of (0, 9, 0), (1, 9, 0), (0, 9, 2): squared distances s01 = 1, s02 = 4, s12 = 5;
        // ℓ_i = (1/3)·Σ_{j≠i} 1/(s_ij + ε), the diagonal left out
        double e = 1e-6;
        double[][] z = {{0, 9, 0}, {1, 9, 0}, {0, 9, 2}};
        double[] expected = {(1 / (1 + e) + 1 / (4 + e)) / 3, (1 / (1 + e) + 1 / (5 + e)) / 3,
                (1 / (4 + e) + 1 / (5 + e)) / 3};
        assertArrayEquals(expected, perSample(new EuclideanSeparate(0, 2), z), TOL);
        // a duplicate sample's pair is left out like the diagonal (the reference would add 1/ε for it)
        double[][] duplicate = {{0, 9, 0}, {1, 9, 0}, {0, 5, 0}};
        assertArrayEquals(new double[] {1 / (1 + e) / 3, 2 / (1 + e) / 3, 1 / (1 + e) / 3},
                perSample(new EuclideanSeparate(0, 2), duplicate), TOL);
    }

    @Test
    void anchorIsOneMinusCosine() {
        double[][] z = {{0.6, 0.8}, {0, 1}, {-1, 0}};
        assertArrayEquals(new double[] {0.4, 1, 2}, perSample(new Anchor(new double[] {1, 0}), z), 1e-7);
        // the direction is normalised: (2, 0) is the same anchor
        assertArrayEquals(new double[] {0.4, 1, 2}, perSample(new Anchor(new double[] {2, 0}), z), 1e-7);
    }

    @Test
    void antiAnchorPenalisesOnlyTheForwardHemisphereWithHemi() {
        double[][] z = {{0.6, 0.8}, {-0.6, 0.8}};
        double[] anti = {-1, 0};
        assertArrayEquals(new double[] {0, 0.6}, perSample(new AntiAnchor(anti, true), z), 1e-7);
        assertArrayEquals(new double[] {0.2, 0.8}, perSample(new AntiAnchor(anti, false), z), 1e-7);
    }

    @Test
    void subspaceTermsSumSquaresOutsideOrInsideTheirDims() {
        double[][] z = {{0.6, 0, 0.8}, {0.48, 0.6, 0.64}};
        assertArrayEquals(new double[] {0.64, 0.4096}, perSample(new Subspace(new int[] {0, 1}), z), TOL);
        assertArrayEquals(new double[] {0.36, 0.2304}, perSample(new AntiSubspace(new int[] {0}), z), TOL);
        assertArrayEquals(new double[] {0.64, 0.4096}, perSample(new Planarity(), z), TOL);
    }

    @Test
    void unitarityActsOnTheLatentBeforeNormalisation() {
        double[][] z = {{0.6, 0.8}, {1, 0}};
        double[][] pre = {{3, 4}, {0.5, 0}};
        assertArrayEquals(new double[] {16, 0.25}, perSample(new Unitarity(), z, pre), TOL);
    }

    @Test
    void euclideanAnchorIsSquaredDistance() {
        double[][] z = {{0.6, 0.8}, {1, 0}};
        assertArrayEquals(new double[] {0.8, 0}, perSample(new EuclideanAnchor(new double[] {1, 0}), z), TOL);
    }

    @Test
    void labelledReductionIsTheMeanOverLabelledSamplesAndZeroWithoutLabels() {
        SameDiff sd = SameDiff.create();
        SDVariable l = sd.constant(Nd4j.createFromArray(new double[][] {{1, 2, 3}, {1, 2, 3}}));
        SDVariable mask = sd.constant(Nd4j.createFromArray(new double[][] {{1, 0, 1}, {0, 0, 0}}));
        TermReduction.labelled("labelled", l, mask);
        TermReduction.allSamples("all", l);
        Map<String, INDArray> out = sd.output(Map.of(), "labelled", "all");
        assertArrayEquals(new double[] {2, 0}, out.get("labelled").toDoubleVector(), 1e-7);
        assertArrayEquals(new double[] {2, 2}, out.get("all").toDoubleVector(), TOL);
    }

    @Test
    void settingsAreValidatedAgainstTheLatentWidth() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Anchor(new double[] {1, 0, 0, 0}).validate(5));
        assertEquals("anchor direction must have one entry per latent dim (5), but got 4: [1.0, 0.0, 0.0, 0.0]",
                e.getMessage());
        var d = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new AntiSubspace(new int[] {5}).validate(5));
        assertEquals("anti-subspace dims must be in 0..4, but got 5", d.getMessage());
    }
}
