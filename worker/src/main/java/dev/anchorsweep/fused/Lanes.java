package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector shape of the fused engine, and the two lane operations it needs to be deterministic. Activations are
 * feature-major, {@code [feature][paddedBatch]}: the batch runs along the vector lanes, so a dense layer is broadcast
 * weights times whole vectors of samples, fused-multiply-added into register accumulators. The batch is padded to a
 * whole number of vectors; padded samples carry zero gradient and are left out of every sum.
 *
 * <p>Determinism: the Vector API computes {@code reduceLanes(ADD)} and {@code EXP} differently in interpreted code
 * and in JIT-compiled code (another summation order; another exponential), so a run would depend on how warm the JVM
 * is. {@link #sum} and {@link #exp} are built from lane-wise IEEE operations (add, multiply, fused multiply-add,
 * fixed shuffles), which give the same bits either way: a run gives the same result alone, in any pack, in any JVM.
 */
final class Lanes {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LENGTH = SPECIES.length();

    static {
        if (LENGTH > 16) throw new IllegalStateException("lane sums are written for up to 16 floats, not " + LENGTH);
    }
    /** Rotations by 8, 4, 2 and 1 lanes: the fixed tree of {@link #sum} (species of up to 16 floats). */
    /**
     * Per n in [0, LENGTH], the mask of the first n lanes (made once: {@code indexInRange} fell back to the Vector
     * API's Java code in the hot loops, a few % of a step).
     */
    @SuppressWarnings("unchecked")
    private static final VectorMask<Float>[] FIRST = new VectorMask[LENGTH + 1];

    static {
        for (int n = 0; n <= LENGTH; n++) FIRST[n] = VectorMask.fromLong(SPECIES, n == 64 ? -1L : (1L << n) - 1);
    }

    private static final VectorShuffle<Float> BY_8 = VectorShuffle.iota(SPECIES, 8, 1, true);
    private static final VectorShuffle<Float> BY_4 = VectorShuffle.iota(SPECIES, 4, 1, true);
    private static final VectorShuffle<Float> BY_2 = VectorShuffle.iota(SPECIES, 2, 1, true);
    private static final VectorShuffle<Float> BY_1 = VectorShuffle.iota(SPECIES, 1, 1, true);

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float MAX_ARGUMENT = 88.3762626647949f;
    private static final float MIN_ARGUMENT = -87.3365478515625f;
    /** 1.5·2²³: adding it rounds a float of magnitude below 2²² to an integer, kept in the low mantissa bits. */
    private static final float ROUNDER = 12582912f;

    private Lanes() {
    }

    /** {@code batch} rounded up to a whole number of vectors. */
    static int padded(int batch) {
        return (batch + LENGTH - 1) / LENGTH * LENGTH;
    }

    /** The lanes of the vector at {@code offset} that hold real samples (index &lt; batch). */
    static VectorMask<Float> real(int offset, int batch) {
        return below(offset, batch);
    }

    /** The lanes of the vector at {@code offset} ≥ 0 whose index is below {@code limit} (as {@code indexInRange}). */
    static VectorMask<Float> below(int offset, int limit) {
        return FIRST[Math.max(0, Math.min(LENGTH, limit - offset))];
    }

    /** The sum of the lanes, in a fixed order (pairwise over rotations; written out so the vectors stay in registers). */
    static float sum(FloatVector v) {
        if (LENGTH >= 16) v = v.add(v.rearrange(BY_8));
        if (LENGTH >= 8) v = v.add(v.rearrange(BY_4));
        if (LENGTH >= 4) v = v.add(v.rearrange(BY_2));
        v = v.add(v.rearrange(BY_1));
        return v.lane(0);
    }

    /**
     * The same sum as {@link #sum} of the {@link #LENGTH} lanes stored at {@code lanes[from…]} (the same pairs in the
     * same tree: lane i + lane i + n/2, halving n; float addition commutes, so the same bits), overwriting them.
     */
    static float sumStored(float[] lanes, int from) {
        for (int half = LENGTH / 2; half >= 1; half /= 2) {
            for (int i = from; i < from + half; i++) lanes[i] = lanes[i] + lanes[i + half];
        }
        return lanes[from];
    }

    /**
     * e^x, Cephes' expf: x = n·ln2 + r with |r| ≤ ln2/2 (ln2 in two parts), a degree-6 polynomial for e^r, 2^n from
     * the exponent bits; about 1 ulp. Arguments are clamped to the normal range (e^x ≥ 1.2e-38).
     */
    static FloatVector exp(FloatVector x) {
        x = x.max(MIN_ARGUMENT).min(MAX_ARGUMENT);
        FloatVector t = x.fma(FloatVector.broadcast(SPECIES, LOG2E), FloatVector.broadcast(SPECIES, ROUNDER));
        FloatVector n = t.sub(ROUNDER);
        FloatVector r = n.fma(FloatVector.broadcast(SPECIES, -LN2_HI), x);
        r = n.fma(FloatVector.broadcast(SPECIES, -LN2_LO), r);
        FloatVector p = FloatVector.broadcast(SPECIES, 1.9875691500e-4f);
        p = p.fma(r, FloatVector.broadcast(SPECIES, 1.3981999507e-3f));
        p = p.fma(r, FloatVector.broadcast(SPECIES, 8.3334519073e-3f));
        p = p.fma(r, FloatVector.broadcast(SPECIES, 4.1665795894e-2f));
        p = p.fma(r, FloatVector.broadcast(SPECIES, 1.6666665459e-1f));
        p = p.fma(r, FloatVector.broadcast(SPECIES, 5.0000001201e-1f));
        FloatVector er = p.fma(r.mul(r), r).add(1f);
        IntVector bits = t.viewAsIntegralLanes(); // typed views: a cast of reinterpretAs…() left C2 the Java fallback
        IntVector exponent = bits.sub(Float.floatToRawIntBits(ROUNDER)).add(127).mul(1 << 23); // << 23, the same bits
        return er.mul(exponent.viewAsFloatingLanes());
    }

}
