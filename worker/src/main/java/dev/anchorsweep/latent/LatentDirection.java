package dev.anchorsweep.latent;

import dev.anchorsweep.identity.Canonical;

/**
 * A direction in latent space as configured (e.g. an anchor's target): a finite, non-zero vector, kept as given (not
 * normalised), as the regularizers normalise it their own way. Canonical form: its components.
 */
public record LatentDirection(LatentVector vector) implements Canonical, java.io.Serializable {

    public LatentDirection {
        if (vector == null) throw new IllegalArgumentException("a direction needs a vector");
        double norm = vector.norm();
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new IllegalArgumentException("a direction must be a finite non-zero vector, but got " + vector);
        }
    }

    public static LatentDirection of(double... components) {
        return new LatentDirection(LatentVector.of(components));
    }

    public int dim() {
        return vector.dim();
    }

    public double[] toArray() {
        return vector.toArray();
    }

    public void checkDim(String what, int latentDim) {
        vector.checkDim(what, latentDim);
    }

    @Override
    public Object canonicalForm() {
        return vector.canonicalForm();
    }

    @Override
    public String toString() {
        return vector.toString();
    }
}
