package dev.anchorsweep.fused;

import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.model.DenseLayer;
import dev.anchorsweep.model.ModelWeights;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each layer's parameters sit in one flat float vector: every layer, encoder then decoder, as its weights
 * {@code [in][out]} row-major (the layout of {@link DenseLayer}) followed by its bias {@code [out]}. Gradients and the
 * Adam moments use the same layout, so the optimizer is one pass over four arrays.
 */
final class FusedLayout {

    final Architecture architecture;
    final int encoderLayers;
    final int layers;
    final int[] in;
    final int[] out;
    final int[] weightOffset;
    final int[] biasOffset;
    final int size;
    /** The widest layer input or output. */
    final int maxWidth;

    FusedLayout(Architecture architecture) {
        this.architecture = architecture;
        List<Architecture.LayerShape> shapes = architecture.layerShapes();
        this.encoderLayers = architecture.encoderShapes().size();
        this.layers = shapes.size();
        this.in = new int[layers];
        this.out = new int[layers];
        this.weightOffset = new int[layers];
        this.biasOffset = new int[layers];
        int offset = 0, widest = 0;
        for (int l = 0; l < layers; l++) {
            in[l] = shapes.get(l).in();
            out[l] = shapes.get(l).out();
            weightOffset[l] = offset;
            offset += in[l] * out[l];
            biasOffset[l] = offset;
            offset += out[l];
            widest = Math.max(widest, Math.max(in[l], out[l]));
        }
        this.size = offset;
        this.maxWidth = widest;
    }

    int latentDim() {
        return architecture.latentDim();
    }

    /** Whether layer {@code l} is followed by GELU (every layer but the last of each side). */
    boolean activated(int l) {
        return l != encoderLayers - 1 && l != layers - 1;
    }

    void write(ModelWeights weights, float[] params) {
        List<DenseLayer> all = new ArrayList<>(weights.encoder());
        all.addAll(weights.decoder());
        for (int l = 0; l < layers; l++) {
            DenseLayer d = all.get(l);
            System.arraycopy(d.weights(), 0, params, weightOffset[l], d.weights().length);
            System.arraycopy(d.bias(), 0, params, biasOffset[l], d.bias().length);
        }
    }

    ModelWeights read(float[] params) {
        List<DenseLayer> encoder = new ArrayList<>();
        List<DenseLayer> decoder = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            float[] w = new float[in[l] * out[l]];
            float[] b = new float[out[l]];
            System.arraycopy(params, weightOffset[l], w, 0, w.length);
            System.arraycopy(params, biasOffset[l], b, 0, b.length);
            (l < encoderLayers ? encoder : decoder).add(new DenseLayer(in[l], out[l], w, b));
        }
        return new ModelWeights(architecture, encoder, decoder);
    }
}
