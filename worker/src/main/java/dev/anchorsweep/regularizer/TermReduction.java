package dev.anchorsweep.regularizer;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * How a term's per-sample values ℓ [P, B] become one value per run [P] (SCA-SPEC §3): the batch mean for terms on
 * all samples; {@code Σ aᵢℓᵢ / (Σ aᵢ + 1e-8)} for terms on a concept's labelled samples (aᵢ ∈ {0,1}), which is the
 * mean over labelled samples and 0 when the batch has none.
 */
public final class TermReduction {

    static final double LABEL_EPS = 1e-8;

    private TermReduction() {
    }

    public static SDVariable allSamples(String name, SDVariable perSample) {
        return perSample.mean(name, 1);
    }

    public static SDVariable labelled(String name, SDVariable perSample, SDVariable mask) {
        return perSample.mul(mask).sum(1).div(name, mask.sum(1).add(LABEL_EPS));
    }
}
