package dev.anchorsweep.regularizer;

import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

/**
 * Separation: ℓᵢ = Σⱼ Cᵢⱼ^p with C = ûûᵀ, where entries with C ≈ 1 (self and duplicate pairs: isclose rtol 1e-5,
 * atol 1e-8) are set to 0, and with {@code shift} C ← (C + 1)/2 afterwards. Paper runs: p = 100 with shift; 1.x runs:
 * p = 10 without shift (which also penalises antipodal pairs).
 */
public record Separate(double power, boolean shift) implements Regularizer {

    static final double CLOSE_RTOL = 1e-5;
    static final double CLOSE_ATOL = 1e-8;

    public Separate {
        if (!(power > 0) || !Double.isFinite(power)) {
            throw new IllegalArgumentException("separate power must be a finite number > 0, but got " + power);
        }
    }

    @Override
    public String kind() {
        return "separate";
    }

    @Override
    public String termKey() {
        return "separate(power=" + power + ",shift=" + shift + ")";
    }

    @Override
    public boolean validated() {
        return false;
    }

    /**
     * Built for speed, exactly equal in value to the definition above (and in gradient, see below):
     * <ul>
     * <li>with {@code shift}, (C + 1)/2 comes out of the one batched matmul: C'' = v vᵀ with v = [û, 1]·√½;</li>
     * <li>a whole power is taken by repeated squaring with a hand-made gradient (see {@link #powerSum}) instead of
     * {@code pow} and its derivative, which dominated the pack's step time at P = 64;</li>
     * <li>instead of zeroing the entries with C ≈ 1 before the power, their contribution is subtracted after it:
     * each such entry adds 1^p there and (masked value)^p in the definition, so ℓᵢ = Σⱼ C''ᵢⱼ^p − nᵢ·(1 − m^p)
     * with nᵢ the count of close entries in row i and m the masked value (½ with shift, else 0). The close entries
     * are self pairs and duplicate samples, whose û are identical: their gradient is radial (along û) and
     * normalisation removes it, so the gradients agree too.</li>
     * </ul>
     */
    @Override
    public SDVariable perSample(LatentVariables latent, SDVariable parameter) {
        var sd = latent.sd();
        SDVariable u = latent.unit();                                               // [P, B, K]
        SDVariable v = shift ? sd.concat(2, u, sd.onesLike(u.sum(true, 2))).mul(Math.sqrt(0.5)) : u;
        SDVariable c = sd.mmul(v, v, false, true, false);                           // [P, B, B]: C or (C + 1)/2
        double tolerance = (CLOSE_ATOL + CLOSE_RTOL) * (shift ? 0.5 : 1);
        SDVariable close = sd.math.abs(c.sub(1.0)).lte(tolerance).castTo(c.dataType()).sum(2);   // nᵢ
        double masked = shift ? Math.pow(0.5, power) : 0;
        return powerSum(c).sub(close.mul(1 - masked));                               // [P, B]
    }

    /**
     * Σⱼ Cᵢⱼ^p. For a whole power p ≥ 2, t = C·s with s = C^(p−1) computed from a detached C by repeated squaring
     * (forward-only multiplies); its value is C^p and its gradient s, so Σt_detached + p·(Σt − Σt_detached) has the
     * value Σ C^p (the bracket is exactly 0: the same reduction of bit-identical arrays) and the gradient p·C^(p−1).
     * This replaces {@code pow} and the backward passes of a chain of [P, B, B] multiplies by one multiply.
     */
    private SDVariable powerSum(SDVariable c) {
        if (power != Math.rint(power) || power < 2 || power > 1024) return c.pow(power).sum(2);
        SDVariable s = wholePower(Detached.of(c), (long) power - 1);
        SDVariable t = c.mul(s);
        SDVariable sum = t.sum(2);
        SDVariable detachedSum = Detached.of(t).sum(2);
        return detachedSum.add(sum.sub(detachedSum).mul(power));
    }

    /** x^n by repeated squaring. */
    private static SDVariable wholePower(SDVariable x, long n) {
        SDVariable result = null;
        SDVariable square = x;
        while (true) {
            if ((n & 1) == 1) result = result == null ? square : result.mul(square);
            n >>= 1;
            if (n == 0) return result;
            square = square.mul(square);
        }
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("power", power, "shift", shift);
    }
}
