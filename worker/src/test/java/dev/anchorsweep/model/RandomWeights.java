package dev.anchorsweep.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test fixture: weights initialised like the paper's models, uniform ±1/√fan_in for weights and biases. */
public final class RandomWeights {

    private RandomWeights() {}

    public static ModelWeights of(Architecture architecture, long seed) {
        Random random = new Random(seed);
        return new ModelWeights(architecture, layers(architecture.encoderShapes(), random),
                layers(architecture.decoderShapes(), random));
    }

    private static List<DenseLayer> layers(List<Architecture.LayerShape> shapes, Random random) {
        List<DenseLayer> layers = new ArrayList<>();
        for (var s : shapes) {
            double bound = 1 / Math.sqrt(s.in());
            float[] w = new float[s.in() * s.out()];
            float[] b = new float[s.out()];
            for (int i = 0; i < w.length; i++) w[i] = (float) ((2 * random.nextDouble() - 1) * bound);
            for (int i = 0; i < b.length; i++) b[i] = (float) ((2 * random.nextDouble() - 1) * bound);
            layers.add(new DenseLayer(s.in(), s.out(), w, b));
        }
        return layers;
    }
}
