package dev.anchorsweep.train;

import dev.anchorsweep.regularizer.CapturedAnchor;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;

import java.util.Optional;

/**
 * Which runs the SameDiff engine trains: the paper's family (the RGB training grid sampled uniformly, reconstruction
 * weight 1, fixed schedules, the regularizer kinds of SCA-SPEC §3). The 1.x curricula — training data other than the
 * grid, a scheduled reconstruction weight, reactive and stopping rules and the regularizers that only the fused engine has — are
 * fused-only: their tests check them against hand-computed values and finite differences instead of SameDiff.
 */
public final class SameDiffSupport {

    private SameDiffSupport() {
    }

    /** Why SameDiff cannot train {@code run}, or empty when it can. */
    public static Optional<String> check(RunSpec run) {
        TrainingSpec t = run.training();
        if (!t.data().isDefault()) return Optional.of("training.data (curricula and colour sets) is fused-only");
        if (!t.reconWeight().equals(TrainingSpec.RECON_WEIGHT)) return Optional.of("training.recon-weight is fused-only");
        if (!run.reactive().isEmpty()) return Optional.of("reactive rules are fused-only");
        if (!run.stopping().isEmpty()) return Optional.of("stopping rules are fused-only");
        for (RegularizerSpec r : run.regularizers()) {
            if (r.regularizer() instanceof CapturedAnchor) {
                return Optional.of("regularizer '" + r.name() + "' is a captured-anchor, which is fused-only");
            }
        }
        return Optional.empty();
    }
}
