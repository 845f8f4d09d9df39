package dev.anchorsweep.model;

import java.util.Arrays;

/**
 * One dense layer's parameters: {@code y_j = bias_j + Σ_i x_i · weights[i·out + j]}.
 * Weights are stored row-major as {@code [in, out]}, the layout of the training graph.
 */
public record DenseLayer(int in, int out, float[] weights, float[] bias) {

    public DenseLayer {
        if (weights.length != in * out) {
            throw new IllegalArgumentException("weights of a " + in + "x" + out + " layer must have " + (in * out)
                    + " entries, but got " + weights.length);
        }
        if (bias.length != out) {
            throw new IllegalArgumentException("bias of a layer with " + out + " outputs must have " + out
                    + " entries, but got " + bias.length);
        }
    }

    public float weight(int input, int output) {
        return weights[input * out + output];
    }

    public DenseLayer copy() {
        return new DenseLayer(in, out, weights.clone(), bias.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseLayer d && d.in == in && d.out == out
                && Arrays.equals(d.weights, weights) && Arrays.equals(d.bias, bias);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + Arrays.hashCode(bias);
    }

    @Override
    public String toString() {
        return "DenseLayer[" + in + "x" + out + "]";
    }
}
