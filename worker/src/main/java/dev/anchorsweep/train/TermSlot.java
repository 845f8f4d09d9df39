package dev.anchorsweep.train;

import dev.anchorsweep.regularizer.Regularizer;
import dev.anchorsweep.run.RegularizerSpec;

/**
 * One regularizer term of a pack's graph. Runs share a slot when their regularizers have the same name, the same
 * formula ({@link Regularizer#termKey()}) and the same reduction (labelled or all samples); a run without the slot
 * has weight 0 there.
 */
record TermSlot(int index, String name, Regularizer prototype, boolean labelled) {

    static String keyOf(RegularizerSpec spec) {
        return spec.name() + "|" + spec.regularizer().termKey() + "|" + spec.labelled();
    }

    String maskName() {
        return "mask" + index;
    }

    String termName() {
        return "term" + index;
    }

    String parameterName() {
        return "param" + index;
    }

    /** Separation terms are O(B²) and are not computed on the validation set ({@link Regularizer#validated()}). */
    boolean validated() {
        return prototype.validated();
    }
}
