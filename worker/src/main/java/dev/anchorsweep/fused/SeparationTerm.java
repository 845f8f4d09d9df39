package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Separation: ℓ_i = Σ_j C_ij^p with C = ûûᵀ, (C + 1)/2 with {@code shift}, entries with C ≈ 1 (self and duplicate
 * pairs) counted as the masked value (0, or ½ with shift), computed as the SameDiff engine does
 * ({@code regularizer.Separate}): Σ_j C_ij^p over every entry minus n_i·(1 − m^p), n_i the close entries of row i.
 *
 * <p>A whole power p is taken by repeated squaring in SameDiff's order (C^(p−1), then one multiply), and the gradient
 * p·C^(p−1) reuses C^(p−1) from the forward pass: with symmetric C, ∂/∂û_k of Σ_i c_i ℓ_i is
 * f·p·Σ_j (c_k + c_j)·C_kj^(p−1)·û_j (f = ½ with shift, else 1). Entries whose power would leave the normal float
 * range (|C| below 2^(−120/(p−1)), e.g. 0.43 for p = 100) are taken as 0: their terms are below 1e-36, and
 * subnormal arithmetic would cost far more than the rest of the step.
 */
final class SeparationTerm implements LatentTerm {

    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final int L = Lanes.LENGTH;
    static final double CLOSE_RTOL = 1e-5;
    static final double CLOSE_ATOL = 1e-8;
    private static final float ROOT_HALF = (float) Math.sqrt(0.5);
    private static final FloatVector ROOT_HALF_VECTOR = FloatVector.broadcast(S, ROOT_HALF);

    private final boolean shift;
    private final float power;
    /** p − 1 when p is a whole number in [2, 1024], else 0 (then StrictMath.pow, lane by lane). */
    private final int wholeExponent;
    private final float tolerance;
    private final float closeCorrection;
    private final float floor;
    private final float gradientScale;
    /** C^(p−1) per pair [i][j], j padded, from the last {@link #values}. */
    private float[] slopes = new float[0];
    private final float[] lanes = new float[L];
    /** û·√½ [K][bp], and the count of near-1 entries per sample. */
    private float[] scaled = new float[0];
    private float[] close = new float[0];

    SeparationTerm(double power, boolean shift) {
        this.shift = shift;
        this.power = (float) power;
        boolean whole = power == Math.rint(power) && power >= 2 && power <= 1024;
        this.wholeExponent = whole ? (int) power - 1 : 0;
        this.tolerance = (float) ((CLOSE_ATOL + CLOSE_RTOL) * (shift ? 0.5 : 1));
        this.closeCorrection = (float) (1 - (shift ? Math.pow(0.5, power) : 0));
        this.floor = whole ? (float) Math.pow(2, -120.0 / wholeExponent) : 0f;
        this.gradientScale = (float) (power * (shift ? 0.5 : 1));
    }

    @Override
    public boolean validated() {
        return false;
    }

    @Override
    public boolean perSample() {
        return false;
    }

    @Override
    public void values(LatentBatch latent, float[] out) {
        int b = latent.batch, bp = latent.bp, k = latent.k;
        if (slopes.length < b * bp) slopes = new float[b * bp];
        if (scaled.length < k * bp) {
            scaled = new float[k * bp];
            close = new float[bp];
        }
        // as the graph computes C: v = [û, 1]·√½ (with shift), C = v·vᵀ; the near-1 test is sensitive to rounding
        float[] v = latent.unit;
        if (shift) {
            v = scaled;
            for (int i = 0; i < k * bp; i += L) FloatVector.fromArray(S, latent.unit, i).mul(ROOT_HALF).intoArray(v, i);
        }
        java.util.Arrays.fill(out, 0, bp, 0f);
        java.util.Arrays.fill(close, 0, bp, 0f);
        // C and t = C^p are symmetric (bit for bit), so row sums are accumulated as column sums: no lane sums
        for (int i = 0; i < b; i++) {
            for (int c = 0; c < bp; c += L) {
                FloatVector cij = FloatVector.zero(S);
                for (int d = 0; d < k; d++) {
                    cij = FloatVector.fromArray(S, v, d * bp + c).fma(FloatVector.broadcast(S, v[d * bp + i]), cij);
                }
                if (shift) cij = ROOT_HALF_VECTOR.fma(ROOT_HALF_VECTOR, cij);
                VectorMask<Float> real = Lanes.real(c, b);
                cij = FloatVector.zero(S).blend(cij, real);
                VectorMask<Float> isClose = cij.sub(1f).abs().compare(VectorOperators.LE, tolerance).and(real);
                FloatVector.fromArray(S, close, c).add(1f, isClose).intoArray(close, c);
                FloatVector s, t;
                if (wholeExponent > 0) {
                    cij = cij.blend(0f, cij.abs().compare(VectorOperators.LT, floor));
                    s = wholePower(cij, wholeExponent);
                    t = cij.mul(s);
                } else {
                    s = FloatVector.zero(S).blend(pow(cij, power - 1), real);
                    t = FloatVector.zero(S).blend(pow(cij, power), real);
                }
                s.intoArray(slopes, i * bp + c);
                FloatVector.fromArray(S, out, c).add(t).intoArray(out, c);
            }
        }
        for (int c = 0; c < bp; c += L) {
            FloatVector.fromArray(S, close, c).mul(-closeCorrection).add(FloatVector.fromArray(S, out, c))
                    .intoArray(out, c);
        }
    }

    /** x^y lane by lane with StrictMath (the same bits in any JVM state; only for powers that are not whole). */
    private FloatVector pow(FloatVector x, float y) {
        x.intoArray(lanes, 0);
        for (int i = 0; i < L; i++) lanes[i] = (float) StrictMath.pow(lanes[i], y);
        return FloatVector.fromArray(S, lanes, 0);
    }

    /**
     * x^n (n ≥ 1) by repeated squaring, multiplying the squares in the order SameDiff's graph does (the lowest set
     * bit's square first). No null or object state in the loop, so the vectors stay in registers.
     */
    private static FloatVector wholePower(FloatVector x, int n) {
        if (n == 99) { // the paper's p = 100, written out
            FloatVector x2 = x.mul(x);
            FloatVector r = x.mul(x2);
            FloatVector x32 = x2.mul(x2);
            x32 = x32.mul(x32);
            x32 = x32.mul(x32);
            x32 = x32.mul(x32);
            r = r.mul(x32);
            return r.mul(x32.mul(x32));
        }
        FloatVector square = x;
        while ((n & 1) == 0) {
            square = square.mul(square);
            n >>= 1;
        }
        FloatVector result = square;
        n >>= 1;
        while (n != 0) {
            square = square.mul(square);
            if ((n & 1) == 1) result = result.mul(square);
            n >>= 1;
        }
        return result;
    }

    @Override
    public void addGradient(LatentBatch latent, float[] coef) {
        int b = latent.batch, bp = latent.bp, k = latent.k;
        float[] u = latent.unit;
        // slopes[j][·] ← f·p·(c_· + c_j)·C_j·^(p−1): the weight of û_j in the gradient of every û_·
        for (int j = 0; j < b; j++) {
            float cj = coef[j];
            for (int c = 0; c < bp; c += L) {
                int i = j * bp + c;
                FloatVector.fromArray(S, coef, c).add(cj).mul(gradientScale).mul(FloatVector.fromArray(S, slopes, i))
                        .intoArray(slopes, i);
            }
        }
        for (int d = 0; d < k; d++) {
            int row = d * bp;
            for (int c = 0; c < bp; c += L) {
                FloatVector a0 = FloatVector.zero(S), a1 = a0;
                int j = 0;
                for (; j + 2 <= b; j += 2) {
                    a0 = FloatVector.fromArray(S, slopes, j * bp + c).fma(FloatVector.broadcast(S, u[row + j]), a0);
                    a1 = FloatVector.fromArray(S, slopes, (j + 1) * bp + c).fma(FloatVector.broadcast(S, u[row + j + 1]), a1);
                }
                if (j < b) a0 = FloatVector.fromArray(S, slopes, j * bp + c).fma(FloatVector.broadcast(S, u[row + j]), a0);
                a0.add(a1).add(FloatVector.fromArray(S, latent.gradUnit, row + c)).intoArray(latent.gradUnit, row + c);
            }
        }
    }
}
