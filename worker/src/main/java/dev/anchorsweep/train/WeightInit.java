package dev.anchorsweep.train;

import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.model.DenseLayer;
import dev.anchorsweep.model.ModelWeights;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Initial weights (SCA-SPEC §2): weights and biases uniform in ±1/√fan_in, PyTorch's default for Linear. */
public final class WeightInit {

    private WeightInit() {
    }

    public static ModelWeights initialize(Architecture architecture, long seed) {
        SplittableRandom rng = RunRandom.INIT.forSeed(seed);
        return new ModelWeights(architecture, layers(architecture.encoderShapes(), rng),
                layers(architecture.decoderShapes(), rng));
    }

    private static List<DenseLayer> layers(List<Architecture.LayerShape> shapes, SplittableRandom rng) {
        List<DenseLayer> layers = new ArrayList<>();
        for (var shape : shapes) {
            double bound = 1.0 / Math.sqrt(shape.in());
            float[] w = new float[shape.in() * shape.out()];
            float[] b = new float[shape.out()];
            for (int i = 0; i < w.length; i++) w[i] = (float) rng.nextDouble(-bound, bound);
            for (int i = 0; i < b.length; i++) b[i] = (float) rng.nextDouble(-bound, bound);
            layers.add(new DenseLayer(shape.in(), shape.out(), w, b));
        }
        return layers;
    }
}
