package dev.anchorsweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.anchorsweep.color.ColorSets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoencoderTest {

    private static final double GELU_1 = 0.8413447460685429;
    /** GELU(0.6) = 0.6·Φ(0.6). */
    private static final double GELU_06 = 0.6 * 0.72574688224992641;

    /**
     * K=2, H=1, N=1: h = GELU(r); x = (3h, 4h); z = x/‖x‖ = (0.6, 0.8); d = GELU(z₀); y = (0.5 + d, 2d, 3d).
     */
    private static ModelWeights tiny(boolean normalize, boolean sigmoid) {
        var arch = new Architecture(2, 1, 1, normalize, sigmoid);
        return new ModelWeights(arch,
                List.of(new DenseLayer(3, 1, new float[] {1, 0, 0}, new float[] {0}),
                        new DenseLayer(1, 2, new float[] {3, 4}, new float[] {0, 0})),
                List.of(new DenseLayer(2, 1, new float[] {1, 0}, new float[] {0}),
                        new DenseLayer(1, 3, new float[] {1, 2, 3}, new float[] {0.5f, 0, 0})));
    }

    /** Random weights of the isolated architecture's shape (K=5, H=16, two layers per side). */
    private static ModelWeights random(boolean normalize, boolean sigmoid, long seed) {
        var rng = new java.util.Random(seed);
        var arch = new Architecture(5, 16, 2, normalize, sigmoid);
        int[][] enc = {{3, 16}, {16, 16}, {16, 5}};
        int[][] dec = {{5, 16}, {16, 16}, {16, 3}};
        java.util.function.Function<int[], DenseLayer> layer = d -> {
            float[] w = new float[d[0] * d[1]];
            float[] b = new float[d[1]];
            for (int i = 0; i < w.length; i++) w[i] = (float) rng.nextGaussian() * 0.6f;
            for (int j = 0; j < b.length; j++) b[j] = (float) rng.nextGaussian() * 0.1f;
            return new DenseLayer(d[0], d[1], w, b);
        };
        return new ModelWeights(arch, java.util.Arrays.stream(enc).map(layer).toList(),
                java.util.Arrays.stream(dec).map(layer).toList());
    }

    /** The pass over a whole set (a layer at a time) gives every colour's one-colour pass bit for bit. */
    @Test
    void setPassEqualsOneColourPassesBitForBit() {
        for (boolean normalize : new boolean[] {true, false}) {
            for (boolean sigmoid : new boolean[] {false, true}) {
                var model = new Autoencoder(random(normalize, sigmoid, normalize ? 1 : 2));
                for (var intervention : java.util.Arrays.<dev.anchorsweep.intervention.LatentIntervention>asList(null,
                        z -> new double[] {0, z[1] * 2, z[2], z[3], z[4] + 0.5})) {
                    var set = ColorSets.byName("hue-slice");
                    var batch = model.forward(set, intervention);
                    double[][] encoded = model.encode(set, intervention);
                    for (int i = 0; i < set.size(); i++) {
                        var one = model.forward(set.color(i).toArray(), intervention);
                        assertArrayEquals(one.latent(), batch.latents()[i], 0, "latent of colour " + i);
                        assertArrayEquals(one.latent(), encoded[i], 0, "encoded latent of colour " + i);
                        assertArrayEquals(one.output(), batch.outputs()[i], 0, "output of colour " + i);
                    }
                }
            }
        }
    }

    @Test
    void handBuiltModel() {
        var pass = new Autoencoder(tiny(true, false)).forward(new double[] {1, 0.3, 0.7}, null);
        assertArrayEquals(new double[] {0.6, 0.8}, pass.latent(), 1e-15);
        assertArrayEquals(new double[] {0.5 + GELU_06, 2 * GELU_06, 3 * GELU_06}, pass.output(), 1e-15);
    }

    @Test
    void interventionActsOnTheNormalisedLatent() {
        var pass = new Autoencoder(tiny(true, false)).forward(new double[] {1, 0, 0}, z -> new double[] {0, z[1]});
        assertArrayEquals(new double[] {0, 0.8}, pass.latent(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0, 0}, pass.output(), 0);
        assertThrows(IllegalStateException.class,
                () -> new Autoencoder(tiny(true, false)).forward(new double[] {1, 0, 0}, z -> new double[] {1}));
    }

    @Test
    void zeroLatentStaysZeroUnderNormalisation() {
        var pass = new Autoencoder(tiny(true, false)).forward(new double[] {0, 1, 1}, null);
        assertArrayEquals(new double[] {0, 0}, pass.latent(), 0);
        assertArrayEquals(new double[] {0.5, 0, 0}, pass.output(), 0);
    }

    @Test
    void unnormalisedLatentAndSigmoidOutput() {
        var plain = new Autoencoder(tiny(false, false)).forward(new double[] {1, 0, 0}, null);
        assertArrayEquals(new double[] {3 * GELU_1, 4 * GELU_1}, plain.latent(), 1e-15);
        var sig = new Autoencoder(tiny(true, true)).forward(new double[] {1, 0, 0}, null);
        double[] expected = {0.5 + GELU_06, 2 * GELU_06, 3 * GELU_06};
        for (int c = 0; c < 3; c++) expected[c] = 1 / (1 + Math.exp(-expected[c]));
        assertArrayEquals(expected, sig.output(), 1e-15);
    }

    @Test
    void deepModelMatchesAStraightforwardForwardPass() {
        ModelWeights weights = RandomWeights.of(Architecture.isolated(), 7);
        var model = new Autoencoder(weights);
        var set = ColorSets.trainingGrid(4);
        var batch = model.forward(set, null);
        assertEquals(64, batch.size());
        for (int i = 0; i < set.size(); i++) {
            double[] x = set.color(i).toArray();
            double[] z = naive(weights.encoder(), x);
            double norm = Math.sqrt(java.util.Arrays.stream(z).map(v -> v * v).sum());
            for (int k = 0; k < z.length; k++) z[k] /= norm;
            assertArrayEquals(z, batch.latents()[i], 1e-14);
            assertArrayEquals(naive(weights.decoder(), z), batch.outputs()[i], 1e-14);
            assertArrayEquals(batch.outputs()[i], model.forward(x, null).output(), 0);
        }
    }

    private static double[] naive(List<DenseLayer> layers, double[] x) {
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer d = layers.get(l);
            double[] y = new double[d.out()];
            for (int j = 0; j < d.out(); j++) {
                y[j] = d.bias()[j];
                for (int i = 0; i < d.in(); i++) y[j] += x[i] * d.weight(i, j);
                if (l < layers.size() - 1) y[j] = Gelu.apply(y[j]);
            }
            x = y;
        }
        return x;
    }

    @Test
    void rejectsColoursOfTheWrongWidth() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Autoencoder(tiny(true, false)).forward(new double[] {1, 0}, null));
        assertEquals("a colour must have 3 channels, but got 2", e.getMessage());
    }
}
