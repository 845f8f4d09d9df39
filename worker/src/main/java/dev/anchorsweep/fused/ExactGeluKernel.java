package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exact GELU of SCA-SPEC §2, h = a·Φ(a), and its derivative Φ(a) + a·φ(a), in one pass with one exponential:
 * the tail Q(a) = ½·erfc(|a|/√2) as t·P(t)·exp(−a²/2) with t = 1/(1 + p·|a|/√2) (Abramowitz &amp; Stegun 7.1.26,
 * absolute error below 1.5e-7 in erf, i.e. below float rounding of Φ), Φ = Q for a ≤ 0 and 1 − Q otherwise, and
 * φ(a) = exp(−a²/2)/√(2π) from the same exponential.
 */
final class ExactGeluKernel {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final float P = 0.3275911f;
    private static final float A1 = 0.254829592f;
    private static final float A2 = -0.284496736f;
    private static final float A3 = 1.421413741f;
    private static final float A4 = -1.453152027f;
    private static final float A5 = 1.061405429f;
    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));
    private static final float INV_SQRT_2PI = (float) (1 / Math.sqrt(2 * Math.PI));

    private ExactGeluKernel() {
    }

    /** h[i] = GELU(a[i]) and d[i] = GELU'(a[i]) for i &lt; n (a multiple of the vector length). */
    static void apply(float[] a, float[] h, float[] d, int n) {
        for (int i = 0; i < n; i += Lanes.LENGTH) {
            FloatVector x = FloatVector.fromArray(S, a, i);
            FloatVector e = Lanes.exp(x.mul(x).mul(-0.5f));
            FloatVector t = x.abs().mul(P * INV_SQRT2).add(1f);
            t = FloatVector.broadcast(S, 1f).div(t);
            FloatVector poly = t.fma(FloatVector.broadcast(S, A5), FloatVector.broadcast(S, A4));
            poly = poly.fma(t, FloatVector.broadcast(S, A3));
            poly = poly.fma(t, FloatVector.broadcast(S, A2));
            poly = poly.fma(t, FloatVector.broadcast(S, A1));
            FloatVector q = poly.mul(t).mul(e).mul(0.5f);
            VectorMask<Float> positive = x.compare(VectorOperators.GT, 0f);
            FloatVector phi = q.blend(q.neg().add(1f), positive);
            x.mul(phi).intoArray(h, i);
            x.mul(e).fma(FloatVector.broadcast(S, INV_SQRT_2PI), phi).intoArray(d, i);
        }
    }
}
