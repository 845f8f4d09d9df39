package dev.anchorsweep.regularizer;

import org.nd4j.autodiff.samediff.SDVariable;

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
        return canonical();
    }

    @Override
    public SDVariable perSample(LatentVariables latent, SDVariable parameter) {
        var sd = latent.sd();
        SDVariable u = latent.unit();
        SDVariable c = sd.mmul(u, u, false, true, false);                       // [P, B, B]
        // isclose(C, 1): |C − 1| ≤ atol + rtol·|1|; those entries are treated as constants set to 0
        SDVariable close = sd.math.abs(c.sub(1.0)).lte(CLOSE_ATOL + CLOSE_RTOL).castTo(c.dataType());
        SDVariable masked = c.mul(close.rsub(1.0));
        if (shift) masked = masked.add(1.0).mul(0.5);
        return masked.pow(power).sum(2);                                        // [P, B]
    }

    @Override
    public String canonical() {
        return "separate(power=" + power + ",shift=" + shift + ")";
    }
}
