package dev.anchorsweep.model;

import java.util.List;

/**
 * The trained parameters of one autoencoder. The last encoder layer produces the latent; the first decoder
 * layer reads it.
 */
public record ModelWeights(Architecture architecture, List<DenseLayer> encoder, List<DenseLayer> decoder) {

    public ModelWeights {
        encoder = List.copyOf(encoder);
        decoder = List.copyOf(decoder);
        check("encoder", architecture.encoderShapes(), encoder);
        check("decoder", architecture.decoderShapes(), decoder);
    }

    private static void check(String side, List<Architecture.LayerShape> shapes, List<DenseLayer> layers) {
        if (shapes.size() != layers.size()) {
            throw new IllegalArgumentException(side + " must have " + shapes.size() + " layers, but got " + layers.size());
        }
        for (int i = 0; i < shapes.size(); i++) {
            var s = shapes.get(i);
            var l = layers.get(i);
            if (s.in() != l.in() || s.out() != l.out()) {
                throw new IllegalArgumentException(side + " layer " + i + " must be " + s.in() + "x" + s.out()
                        + ", but got " + l.in() + "x" + l.out());
            }
        }
    }

    /** The layer that writes the latent (pre-normalisation). */
    public DenseLayer latentProducer() {
        return encoder.get(encoder.size() - 1);
    }

    /** The layer that reads the (normalised) latent. */
    public DenseLayer latentConsumer() {
        return decoder.get(0);
    }
}
