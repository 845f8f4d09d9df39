package dev.anchorsweep.model;

import dev.anchorsweep.identity.Canonical;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shape of the colour autoencoder (SCA-SPEC §2).
 *
 * <pre>
 * encoder: Linear(3,H) → GELU → [Linear(H,H) → GELU] × (N−1) → Linear(H,K)
 * bottleneck: z = x / max(‖x‖₂, 1e-12)   (when {@code normalize})
 * decoder: Linear(K,H) → GELU → [Linear(H,H) → GELU] × (N−1) → Linear(H,3) (→ sigmoid when {@code sigmoidOutput})
 * </pre>
 *
 * @param latentDim      K, the bottleneck width
 * @param hiddenWidth    H, the width of every hidden layer
 * @param layersPerSide  N, the number of nonlinear layers on each side of the bottleneck
 * @param normalize      whether the bottleneck projects onto the unit hypersphere (paper runs) or not (1.x runs)
 * @param sigmoidOutput  whether the decoder ends in a sigmoid (1.x runs) or is linear (paper runs)
 */
public record Architecture(int latentDim, int hiddenWidth, int layersPerSide, boolean normalize, boolean sigmoidOutput)
        implements Canonical, java.io.Serializable {

    public static final int COLOR_CHANNELS = 3;

    public Architecture {
        if (latentDim < 1) throw new IllegalArgumentException("latent dim K must be at least 1, but got " + latentDim);
        if (hiddenWidth < 1) throw new IllegalArgumentException("hidden width H must be at least 1, but got " + hiddenWidth);
        if (layersPerSide < 1) throw new IllegalArgumentException("layers per side N must be at least 1, but got " + layersPerSide);
    }

    /** The anchored architecture of the paper: K=4, H=16, N=1, normalised, linear output (263 parameters). */
    public static Architecture anchored() {
        return new Architecture(4, 16, 1, true, false);
    }

    /** The isolated architecture of the paper: K=5, H=16, N=2, normalised, linear output (840 parameters). */
    public static Architecture isolated() {
        return new Architecture(5, 16, 2, true, false);
    }

    /** Encoder layer shapes, input first; the last one produces the latent. */
    public List<LayerShape> encoderShapes() {
        List<LayerShape> shapes = new ArrayList<>();
        shapes.add(new LayerShape(COLOR_CHANNELS, hiddenWidth));
        for (int i = 1; i < layersPerSide; i++) shapes.add(new LayerShape(hiddenWidth, hiddenWidth));
        shapes.add(new LayerShape(hiddenWidth, latentDim));
        return shapes;
    }

    /** Decoder layer shapes, latent first; the last one produces the colour. */
    public List<LayerShape> decoderShapes() {
        List<LayerShape> shapes = new ArrayList<>();
        shapes.add(new LayerShape(latentDim, hiddenWidth));
        for (int i = 1; i < layersPerSide; i++) shapes.add(new LayerShape(hiddenWidth, hiddenWidth));
        shapes.add(new LayerShape(hiddenWidth, COLOR_CHANNELS));
        return shapes;
    }

    /** Every layer, encoder then decoder. */
    public List<LayerShape> layerShapes() {
        List<LayerShape> all = new ArrayList<>(encoderShapes());
        all.addAll(decoderShapes());
        return all;
    }

    public int parameterCount() {
        return layerShapes().stream().mapToInt(LayerShape::parameterCount).sum();
    }

    /** The {@code model} section as resolved. */
    @Override
    public Object canonicalForm() {
        return Map.of("latent-dim", latentDim, "hidden-width", hiddenWidth, "layers", layersPerSide,
                "bottleneck", normalize ? "normalize" : "none", "output", sigmoidOutput ? "sigmoid" : "linear");
    }

    /** A copy with a different latent width (what pruning produces). */
    public Architecture withLatentDim(int k) {
        return new Architecture(k, hiddenWidth, layersPerSide, normalize, sigmoidOutput);
    }

    /** Shape of one dense layer. */
    public record LayerShape(int in, int out) implements java.io.Serializable {
        public int parameterCount() {
            return in * out + out;
        }
    }
}
