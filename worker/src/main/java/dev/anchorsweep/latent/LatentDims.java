package dev.anchorsweep.latent;

import dev.anchorsweep.identity.Canonical;

import java.util.Arrays;

/** A non-empty set of distinct latent dimensions, kept in ascending order. Canonical form: the ascending list. */
public final class LatentDims implements Canonical, java.io.Serializable {

    private final int[] dims;

    public LatentDims(int... dims) {
        if (dims.length == 0) throw new IllegalArgumentException("at least one latent dim must be given");
        int[] sorted = dims.clone();
        Arrays.sort(sorted);
        if (sorted[0] < 0) throw new IllegalArgumentException("latent dims must be ≥ 0, but got " + Arrays.toString(dims));
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("latent dims must be distinct, but " + sorted[i]
                        + " appears twice in " + Arrays.toString(dims));
            }
        }
        this.dims = sorted;
    }

    /** Checks these dims against a latent of width {@code k}: all in range. */
    public void checkIn(int k) {
        int max = dims[dims.length - 1];
        if (max >= k) {
            throw new IllegalArgumentException("latent dim " + max + " is out of range for a latent of width " + k
                    + " (valid: 0.." + (k - 1) + ")");
        }
    }

    /** Checks these dims against a latent of width {@code k}: all in range and at least one dim left over. */
    public void checkFits(int k) {
        checkIn(k);
        if (dims.length >= k) {
            throw new IllegalArgumentException("removing dims " + this + " from a latent of width " + k
                    + " would leave no dim; at least one must remain");
        }
    }

    public boolean contains(int d) {
        return Arrays.binarySearch(dims, d) >= 0;
    }

    public int count() {
        return dims.length;
    }

    public int[] toArray() {
        return dims.clone();
    }

    /** A 0/1 mask of length {@code k}: 1 on these dims when {@code inside}, else 1 on every other dim. */
    public double[] mask(int k, boolean inside) {
        checkIn(k);
        double[] m = new double[k];
        Arrays.fill(m, inside ? 0 : 1);
        for (int d : dims) m[d] = inside ? 1 : 0;
        return m;
    }

    @Override
    public Object canonicalForm() {
        return dims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatentDims l && Arrays.equals(l.dims, dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
