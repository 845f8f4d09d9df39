package dev.anchorsweep.intervention;

import dev.anchorsweep.identity.Configured;
import dev.anchorsweep.latent.LatentDims;
import dev.anchorsweep.model.DenseLayer;
import dev.anchorsweep.model.ModelWeights;

import java.util.Map;

/**
 * Removes latent dims from the model (K → K − |dims|): the producer's weight columns and bias entries and the
 * consumer's weight rows of those dims are dropped. Computes the same as {@link Ablation} of the same dims.
 */
public record Pruning(LatentDims dims) implements WeightSurgery, Configured {

    public Pruning(int... dims) {
        this(new LatentDims(dims));
    }

    @Override
    public String kind() {
        return "pruning";
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("dims", dims);
    }

    @Override
    public ModelWeights apply(ModelWeights weights) {
        int k = weights.architecture().latentDim();
        dims.checkFits(k);
        int[] keep = new int[k - dims.count()];
        for (int d = 0, n = 0; d < k; d++) if (!dims.contains(d)) keep[n++] = d;

        DenseLayer producer = weights.latentProducer();
        float[] pw = new float[producer.in() * keep.length];
        float[] pb = new float[keep.length];
        for (int n = 0; n < keep.length; n++) {
            for (int i = 0; i < producer.in(); i++) pw[i * keep.length + n] = producer.weight(i, keep[n]);
            pb[n] = producer.bias()[keep[n]];
        }
        DenseLayer consumer = weights.latentConsumer();
        int h = consumer.out();
        float[] cw = new float[keep.length * h];
        for (int n = 0; n < keep.length; n++) System.arraycopy(consumer.weights(), keep[n] * h, cw, n * h, h);

        return new LatentLayers(
                new DenseLayer(producer.in(), keep.length, pw, pb),
                new DenseLayer(keep.length, h, cw, consumer.bias().clone()))
                .installIn(weights, weights.architecture().withLatentDim(keep.length));
    }
}
