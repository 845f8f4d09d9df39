package dev.anchorsweep.intervention;

import dev.anchorsweep.identity.Configured;
import dev.anchorsweep.latent.LatentDims;
import dev.anchorsweep.model.DenseLayer;
import dev.anchorsweep.model.ModelWeights;

import java.util.Map;

/**
 * Permanently silences latent dims (SCA-SPEC §5): in the latent producer (last encoder layer, [H, K]) the
 * weight column and bias entry of each dim are zeroed, so the dim is exactly 0 before normalisation; in the
 * latent consumer (first decoder layer, [K, H]) the weight row that reads it is zeroed. Shapes are unchanged,
 * and the model computes the same as {@link Pruning} of the same dims.
 */
public record Ablation(LatentDims dims) implements WeightSurgery, Configured {

    public Ablation(int... dims) {
        this(new LatentDims(dims));
    }

    @Override
    public String kind() {
        return "ablation";
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("dims", dims);
    }

    @Override
    public ModelWeights apply(ModelWeights weights) {
        dims.checkFits(weights.architecture().latentDim());
        DenseLayer producer = weights.latentProducer().copy();
        DenseLayer consumer = weights.latentConsumer().copy();
        int k = producer.out();
        int h = consumer.out();
        for (int d : dims.toArray()) {
            for (int i = 0; i < producer.in(); i++) producer.weights()[i * k + d] = 0f;
            producer.bias()[d] = 0f;
            for (int j = 0; j < h; j++) consumer.weights()[d * h + j] = 0f;
        }
        return new LatentLayers(producer, consumer).installIn(weights, weights.architecture());
    }
}
