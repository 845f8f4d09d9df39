package dev.anchorsweep.model;

import dev.anchorsweep.color.ColorSet;
import dev.anchorsweep.intervention.LatentIntervention;
import java.util.List;

/**
 * Double-precision inference of the colour autoencoder (SCA-SPEC §2) over trained {@link ModelWeights}, with an
 * optional intervention on the latent. Exact (erf) GELU; bottleneck {@code z = x / max(‖x‖₂, 1e-12)} when the
 * architecture normalises; sigmoid output when it has one. Immutable and safe to share between threads.
 */
public final class Autoencoder {

    /** Lower bound on the norm in the normalising bottleneck. */
    public static final double NORM_EPS = 1e-12;

    /**
     * One colour's pass.
     *
     * @param latent z after normalisation and after the intervention (the decoder's input)
     * @param output the decoded colour, not clamped
     */
    public record Pass(double[] latent, double[] output) {}

    /** A pass over a whole colour set, row {@code i} for colour {@code i}. */
    public record Batch(double[][] latents, double[][] outputs) {
        public int size() {
            return outputs.length;
        }
    }

    private final Architecture architecture;
    private final Layer[] encoder;
    private final Layer[] decoder;
    private final int scratchWidth;

    public Autoencoder(ModelWeights weights) {
        this.architecture = weights.architecture();
        this.encoder = toLayers(weights.encoder());
        this.decoder = toLayers(weights.decoder());
        this.scratchWidth = architecture.hiddenWidth();
    }

    public Architecture architecture() {
        return architecture;
    }

    /** Encodes and decodes one colour; {@code intervention} may be null (none). */
    public Pass forward(double[] rgb, LatentIntervention intervention) {
        return forward(rgb, intervention, new double[scratchWidth], new double[scratchWidth]);
    }

    /** Encodes and decodes every colour of {@code set}; {@code intervention} may be null (none). */
    public Batch forward(ColorSet set, LatentIntervention intervention) {
        double[] a = new double[scratchWidth];
        double[] b = new double[scratchWidth];
        double[][] latents = new double[set.size()][];
        double[][] outputs = new double[set.size()][];
        for (int i = 0; i < set.size(); i++) {
            Pass pass = forward(set.color(i).toArray(), intervention, a, b);
            latents[i] = pass.latent();
            outputs[i] = pass.output();
        }
        return new Batch(latents, outputs);
    }

    private Pass forward(double[] rgb, LatentIntervention intervention, double[] a, double[] b) {
        if (rgb.length != Architecture.COLOR_CHANNELS) {
            throw new IllegalArgumentException("a colour must have " + Architecture.COLOR_CHANNELS
                    + " channels, but got " + rgb.length);
        }
        double[] z = run(encoder, rgb, new double[architecture.latentDim()], a, b);
        if (architecture.normalize()) normalize(z);
        if (intervention != null) {
            z = intervention.apply(z);
            if (z.length != architecture.latentDim()) {
                throw new IllegalStateException("an intervention must keep the latent width " + architecture.latentDim()
                        + ", but returned " + z.length + " dims");
            }
        }
        double[] y = run(decoder, z, new double[Architecture.COLOR_CHANNELS], a, b);
        if (architecture.sigmoidOutput()) {
            for (int j = 0; j < y.length; j++) y[j] = 1 / (1 + Math.exp(-y[j]));
        }
        return new Pass(z, y);
    }

    /** Runs {@code layers} on {@code x}, GELU after all but the last, which writes {@code dest}. */
    private static double[] run(Layer[] layers, double[] x, double[] dest, double[] a, double[] b) {
        double[] in = x;
        for (int l = 0; l < layers.length; l++) {
            boolean last = l == layers.length - 1;
            double[] out = last ? dest : (in == a ? b : a);
            layers[l].apply(in, out);
            if (!last) Gelu.applyInPlace(out, layers[l].out);
            in = out;
        }
        return dest;
    }

    private static void normalize(double[] z) {
        double sq = 0;
        for (double v : z) sq += v * v;
        double norm = Math.max(Math.sqrt(sq), NORM_EPS);
        for (int i = 0; i < z.length; i++) z[i] /= norm;
    }

    private static Layer[] toLayers(List<DenseLayer> layers) {
        return layers.stream().map(Layer::of).toArray(Layer[]::new);
    }

    /** A dense layer widened to double: {@code y_j = b_j + Σ_i x_i·w[i·out + j]}. */
    private record Layer(int in, int out, double[] w, double[] b) {

        static Layer of(DenseLayer d) {
            double[] w = new double[d.weights().length];
            for (int i = 0; i < w.length; i++) w[i] = d.weights()[i];
            double[] b = new double[d.bias().length];
            for (int j = 0; j < b.length; j++) b[j] = d.bias()[j];
            return new Layer(d.in(), d.out(), w, b);
        }

        void apply(double[] x, double[] y) {
            System.arraycopy(b, 0, y, 0, out);
            for (int i = 0; i < in; i++) {
                double xi = x[i];
                int row = i * out;
                for (int j = 0; j < out; j++) y[j] += xi * w[row + j];
            }
        }
    }
}
