package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector shape of the fused engine. Activations are feature-major, {@code [feature][paddedBatch]}: the batch runs
 * along the vector lanes, so a dense layer is broadcast weights times whole vectors of samples, fused-multiply-added
 * into register accumulators. The batch is padded to a whole number of vectors; padded samples carry zero gradient
 * and are left out of every sum.
 */
final class Lanes {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LENGTH = SPECIES.length();

    private Lanes() {
    }

    /** {@code batch} rounded up to a whole number of vectors. */
    static int padded(int batch) {
        return (batch + LENGTH - 1) / LENGTH * LENGTH;
    }

    /** The lanes of the vector at {@code offset} that hold real samples (index &lt; batch). */
    static VectorMask<Float> real(int offset, int batch) {
        return SPECIES.indexInRange(offset, batch);
    }
}
