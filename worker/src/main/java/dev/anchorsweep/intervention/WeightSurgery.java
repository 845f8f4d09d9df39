package dev.anchorsweep.intervention;

import dev.anchorsweep.model.ModelWeights;

/** A permanent edit of a trained model's weights (SCA-SPEC §5). */
public interface WeightSurgery extends java.io.Serializable {

    /** The edited weights, as a new object; {@code weights} is left untouched. */
    ModelWeights apply(ModelWeights weights);
}
