package dev.anchorsweep.fused;

import dev.anchorsweep.regularizer.Anchor;
import dev.anchorsweep.regularizer.AntiAnchor;
import dev.anchorsweep.regularizer.AntiSubspace;
import dev.anchorsweep.regularizer.CapturedAnchor;
import dev.anchorsweep.regularizer.EuclideanAnchor;
import dev.anchorsweep.regularizer.EuclideanSeparate;
import dev.anchorsweep.regularizer.Planarity;
import dev.anchorsweep.regularizer.Regularizer;
import dev.anchorsweep.regularizer.Separate;
import dev.anchorsweep.regularizer.Subspace;
import dev.anchorsweep.regularizer.Unitarity;

import java.util.Optional;

/**
 * The fused counterpart of each regularizer kind: the one place that reads regularizer settings for this engine.
 * A kind without a counterpart makes a run unsupported ({@link FusedSupport}), and {@code auto} trains it with
 * SameDiff. Directions and masks come from {@link Regularizer#parameter(int)}, exactly as the SameDiff graph gets them.
 */
final class FusedTerms {

    private FusedTerms() {
    }

    /** Whether the kind has a fused term (without loading any vector class). */
    static boolean supports(Regularizer r) {
        return r instanceof Separate || r instanceof Anchor || r instanceof AntiAnchor || r instanceof Subspace
                || r instanceof AntiSubspace || r instanceof Planarity || r instanceof Unitarity
                || r instanceof EuclideanAnchor || r instanceof EuclideanSeparate || r instanceof CapturedAnchor;
    }

    /** The term on the batch's latents; empty for a captured anchor, whose term is a {@link CapturedAnchorPass}. */
    static Optional<LatentTerm> of(Regularizer r, int latentDim) {
        double[] parameter = r.parameter(latentDim);
        float[] v = parameter == null ? null : floats(parameter);
        if (r instanceof Separate s) return Optional.of(new SeparationTerm(s.power(), s.shift()));
        if (r instanceof Anchor) return Optional.of(new AnchorTerm(v));
        if (r instanceof AntiAnchor a) return Optional.of(new AntiAnchorTerm(v, a.hemi()));
        if (r instanceof Subspace || r instanceof AntiSubspace || r instanceof Planarity) {
            return Optional.of(new MaskedSquaresTerm(v));
        }
        if (r instanceof Unitarity) return Optional.of(new UnitarityTerm());
        if (r instanceof EuclideanAnchor) return Optional.of(new EuclideanAnchorTerm(v));
        if (r instanceof EuclideanSeparate e) return Optional.of(new EuclideanSeparationTerm(e.dims().toArray(), e.epsilon()));
        return Optional.empty();
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }
}
