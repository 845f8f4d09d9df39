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

    /**
     * Encodes and decodes every colour of {@code set}; {@code intervention} may be null (none). Computed a layer at a
     * time over the whole set (feature-major, the colours along the inner loop, which the JIT vectorises), with the
     * same operations in the same order per colour as {@link #forward(double[], LatentIntervention)}: the same bits.
     */
    public Batch forward(ColorSet set, LatentIntervention intervention) {
        int n = set.size();
        double[][] z = encodeFeatureMajor(set);
        double[][] latents = latentRows(z, n, intervention);
        if (intervention != null) {
            for (int i = 0; i < n; i++) for (int d = 0; d < z.length; d++) z[d][i] = latents[i][d];
        }
        double[][] y = runBatch(decoder, z, n);
        double[][] outputs = new double[n][Architecture.COLOR_CHANNELS];
        for (int c = 0; c < Architecture.COLOR_CHANNELS; c++) {
            double[] yc = y[c];
            for (int i = 0; i < n; i++) {
                outputs[i][c] = architecture.sigmoidOutput() ? 1 / (1 + Math.exp(-yc[i])) : yc[i];
            }
        }
        return new Batch(latents, outputs);
    }

    /** The latents of every colour of {@code set} (after the intervention, which may be null), without decoding. */
    public double[][] encode(ColorSet set, LatentIntervention intervention) {
        return latentRows(encodeFeatureMajor(set), set.size(), intervention);
    }

    /** The encoder's output over {@code set}, normalised where the architecture normalises: {@code [latentDim][n]}. */
    private double[][] encodeFeatureMajor(ColorSet set) {
        int n = set.size();
        double[][] x = new double[Architecture.COLOR_CHANNELS][n];
        for (int i = 0; i < n; i++) {
            double[] rgb = set.color(i).toArray();
            for (int c = 0; c < rgb.length; c++) x[c][i] = rgb[c];
        }
        double[][] z = runBatch(encoder, x, n);
        if (architecture.normalize()) {
            int k = z.length;
            double[] sq = new double[n];
            for (int d = 0; d < k; d++) {
                double[] zd = z[d];
                for (int i = 0; i < n; i++) sq[i] += zd[i] * zd[i];
            }
            for (int i = 0; i < n; i++) sq[i] = Math.max(Math.sqrt(sq[i]), NORM_EPS);
            for (int d = 0; d < k; d++) {
                double[] zd = z[d];
                for (int i = 0; i < n; i++) zd[i] /= sq[i];
            }
        }
        return z;
    }

    /** Row {@code i}: colour {@code i}'s latent, after {@code intervention} (may be null). */
    private double[][] latentRows(double[][] z, int n, LatentIntervention intervention) {
        int k = architecture.latentDim();
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = new double[k];
            for (int d = 0; d < k; d++) row[d] = z[d][i];
            if (intervention != null) {
                row = intervention.apply(row);
                if (row.length != k) {
                    throw new IllegalStateException("an intervention must keep the latent width " + k
                            + ", but returned " + row.length + " dims");
                }
            }
            rows[i] = row;
        }
        return rows;
    }

    /** Runs {@code layers} on the feature-major {@code x} ({@code [in][n]}), GELU after all but the last. */
    private static double[][] runBatch(Layer[] layers, double[][] x, int n) {
        double[][] in = x;
        for (int l = 0; l < layers.length; l++) {
            double[][] out = layers[l].applyBatch(in, n);
            if (l < layers.length - 1) for (double[] row : out) Gelu.applyInPlace(row, n);
            in = out;
        }
        return in;
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

        /** {@link #apply} for n inputs at once, feature-major: the same sum in the same order for each input. */
        double[][] applyBatch(double[][] x, int n) {
            double[][] y = new double[out][n];
            for (int j = 0; j < out; j++) {
                double[] yj = y[j];
                java.util.Arrays.fill(yj, b[j]);
                for (int i = 0; i < in; i++) {
                    double wij = w[i * out + j];
                    double[] xi = x[i];
                    for (int k = 0; k < n; k++) yj[k] += xi[k] * wij;
                }
            }
            return y;
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
