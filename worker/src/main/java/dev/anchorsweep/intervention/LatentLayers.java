package dev.anchorsweep.intervention;

import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.model.DenseLayer;
import dev.anchorsweep.model.ModelWeights;
import java.util.ArrayList;
import java.util.List;

/** The two layers around the bottleneck: the one that writes the latent and the one that reads it. */
record LatentLayers(DenseLayer producer, DenseLayer consumer) {

    /** {@code weights} with these two layers in place of its own, under {@code architecture}. */
    ModelWeights installIn(ModelWeights weights, Architecture architecture) {
        List<DenseLayer> encoder = new ArrayList<>(weights.encoder());
        List<DenseLayer> decoder = new ArrayList<>(weights.decoder());
        encoder.set(encoder.size() - 1, producer);
        decoder.set(0, consumer);
        return new ModelWeights(architecture, encoder, decoder);
    }
}
