package dev.anchorsweep.latent;

import dev.anchorsweep.identity.Canonical;

import java.util.Arrays;

/** A point of latent space as configured (e.g. a Euclidean anchor's target): finite components, at least one. */
public final class LatentVector implements Canonical, java.io.Serializable {

    private final double[] components;

    private LatentVector(double[] components) {
        this.components = components;
    }

    public static LatentVector of(double... components) {
        if (components.length == 0) throw new IllegalArgumentException("a latent vector needs at least one component");
        double[] c = components.clone();
        for (int i = 0; i < c.length; i++) {
            if (!Double.isFinite(c[i])) {
                throw new IllegalArgumentException("latent vector components must be finite, but got "
                        + Arrays.toString(components));
            }
            c[i] += 0.0;   // -0.0 → 0.0: equal vectors are equal
        }
        return new LatentVector(c);
    }

    public int dim() {
        return components.length;
    }

    public double[] toArray() {
        return components.clone();
    }

    /** Throws, naming {@code what}, unless this has one component per latent dim. */
    public void checkDim(String what, int latentDim) {
        if (components.length != latentDim) {
            throw new IllegalArgumentException(what + " must have one entry per latent dim (" + latentDim + "), but got "
                    + components.length + ": " + this);
        }
    }

    public double norm() {
        double sum = 0;
        for (double x : components) sum += x * x;
        return Math.sqrt(sum);
    }

    @Override
    public Object canonicalForm() {
        return components.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatentVector v && Arrays.equals(v.components, components);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components);
    }

    @Override
    public String toString() {
        return Arrays.toString(components);
    }
}
