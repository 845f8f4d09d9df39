package dev.anchorsweep.train;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erfc;

import java.util.List;

/**
 * The exact GELU of SCA-SPEC §2, x·Φ(x) = x · ½·erfc(−x/√2), in the training graph. ND4J's {@code gelu} op is the
 * sigmoid approximation and {@code precise_gelu} the tanh one, so Φ is built from erfc; erfc's gradient is given
 * lean (ND4J's own builds it from a ones array and two extra multiplies).
 */
final class ExactGelu {

    private static final double MINUS_INV_SQRT2 = -1 / Math.sqrt(2);
    /** ln(2/√π): d erfc(u)/du = −exp(ln(2/√π) − u²). */
    private static final double LN_TWO_OVER_SQRT_PI = Math.log(2 / Math.sqrt(Math.PI));

    private ExactGelu() {
    }

    static SDVariable of(SDVariable x) {
        SameDiff sd = x.getSameDiff();
        SDVariable phi = new LeanErfc(sd, x.mul(MINUS_INV_SQRT2)).outputVariable().mul(0.5);
        return x.mul(phi);
    }

    /** erfc with the gradient −exp(ln(2/√π) − u²)·g. */
    private static final class LeanErfc extends Erfc {
        LeanErfc(SameDiff sd, SDVariable u) {
            super(sd, u);
        }

        @Override
        public List<SDVariable> doDiff(List<SDVariable> gradients) {
            SDVariable u = arg();
            SDVariable slope = sameDiff.math().exp(u.mul(u).rsub(LN_TWO_OVER_SQRT_PI));
            return List.of(slope.mul(gradients.get(0)).neg());
        }
    }
}
