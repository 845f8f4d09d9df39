package dev.anchorsweep.intervention;

import dev.anchorsweep.identity.Canonical;

import java.util.Arrays;

/** A direction in latent space, normalised to unit length on construction. */
public final class UnitVector implements Canonical, java.io.Serializable {

    private final double[] unit;

    private UnitVector(double[] unit) {
        this.unit = unit;
    }

    /** {@code v / ‖v‖}; {@code v} must be finite and non-zero. */
    public static UnitVector of(double... v) {
        if (v.length == 0) throw new IllegalArgumentException("a direction needs at least one component");
        double norm = 0;
        for (double x : v) norm += x * x;
        norm = Math.sqrt(norm);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new IllegalArgumentException("a direction must be finite and non-zero, but got " + Arrays.toString(v));
        }
        double[] unit = new double[v.length];
        for (int i = 0; i < v.length; i++) unit[i] = v[i] / norm;
        return new UnitVector(unit);
    }

    /** The basis vector e_k of a {@code dim}-dimensional space. */
    public static UnitVector axis(int k, int dim) {
        if (k < 0 || k >= dim) throw new IllegalArgumentException("axis " + k + " is outside a " + dim + "-dimensional space");
        double[] e = new double[dim];
        e[k] = 1;
        return new UnitVector(e);
    }

    public int dim() {
        return unit.length;
    }

    public double component(int i) {
        return unit[i];
    }

    public double[] toArray() {
        return unit.clone();
    }

    /** {@code z · this}; {@code z} must have the same dimension. */
    public double dot(double[] z) {
        if (z.length != unit.length) {
            throw new IllegalArgumentException("latent has " + z.length + " dims, but the direction has " + unit.length);
        }
        double d = 0;
        for (int i = 0; i < z.length; i++) d += z[i] * unit[i];
        return d;
    }

    /**
     * A deterministic unit vector orthogonal to this one: the basis vector e_k with the smallest |component k|
     * (lowest k on ties), with its projection on this direction removed, normalised. Needs dim ≥ 2.
     */
    public UnitVector orthogonal() {
        if (unit.length < 2) throw new IllegalStateException("a 1-dimensional direction has no orthogonal direction");
        int k = 0;
        for (int i = 1; i < unit.length; i++) if (Math.abs(unit[i]) < Math.abs(unit[k])) k = i;
        double[] v = new double[unit.length];
        for (int i = 0; i < v.length; i++) v[i] = -unit[k] * unit[i];
        v[k] += 1;
        return of(v);
    }

    /** Canonical form: the unit components. */
    @Override
    public Object canonicalForm() {
        return unit.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitVector u && Arrays.equals(u.unit, unit);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(unit);
    }

    @Override
    public String toString() {
        return Arrays.toString(unit);
    }
}
