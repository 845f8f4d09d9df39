package dev.anchorsweep.fused;

import dev.anchorsweep.data.M1Runs;
import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.model.DenseLayer;
import dev.anchorsweep.model.ModelWeights;
import dev.anchorsweep.regularizer.Planarity;
import dev.anchorsweep.regularizer.Separate;
import dev.anchorsweep.regularizer.Unitarity;
import dev.anchorsweep.run.EvaluationSpec;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;
import dev.anchorsweep.schedule.KeyframeSchedule;
import dev.anchorsweep.train.HistoryPoint;
import dev.anchorsweep.train.TrainedRun;
import dev.anchorsweep.train.WeightInit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training data in the fused engine: per-sample loss weights in the reconstruction and the per-sample terms (hand
 * computed from the network's own outputs, gradients by finite differences), a short ex-1.6-like run through a full
 * batch phase into weighted curriculum batches, and that a run alone equals the same run in a pack.
 */
class FusedDataTest {

    static final Architecture M1 = new Architecture(4, 16, 1, false, true);
    static final int B = 32;

    static RunSpec run(List<RegularizerSpec> regs) {
        TrainingSpec training = new TrainingSpec(10, B, 8, KeyframeSchedule.constant(0.01), 5, 1, List.of(10));
        return new RunSpec(0, M1, training, List.of(), regs, List.of(),
                new EvaluationSpec(List.of("named"), "latent-cube", List.of(), new EvaluationSpec.Selection(null, List.of("recon"))));
    }

    static RegularizerSpec reg(String name, dev.anchorsweep.regularizer.Regularizer r) {
        return new RegularizerSpec(name, r, null, KeyframeSchedule.constant(1));
    }

    @Test
    void weightedLossesAreTheWeightedMeansOfThePerSampleLosses() {
        RunSpec run = run(List.of(reg("planar", new Planarity()), reg("norm", new Unitarity()),
                reg("separate", new Separate(10, false))));
        FusedLayout layout = new FusedLayout(M1);
        Network net = new Network(layout, B);
        FusedRun fused = new FusedRun(run, layout, net, new Network(layout, 351));
        layout.write(WeightInit.initialize(M1, 5), fused.params());
        SplittableRandom rng = new SplittableRandom(9);
        float[] rows = new float[3 * B];
        for (int i = 0; i < rows.length; i++) rows[i] = (float) rng.nextDouble();
        float[] w = new float[B];
        double sum = 0;
        for (int i = 0; i < B; i++) sum += w[i] = (float) rng.nextDouble();
        for (int i = 0; i < B; i++) w[i] /= (float) sum;
        float[][] labels = new float[0][];
        float[] ones = {1, 1, 1};

        net.load(rows);
        float[] plain = new float[3];
        float plainRecon = fused.forwardBackward(ones, true, labels, plain);
        net.weigh(w);
        float[] weighted = new float[3];
        float recon = fused.forwardBackward(ones, true, labels, weighted);

        // by hand from the network's own reconstruction and latents: Σ ŵ_i·ℓ_i / B
        double r = 0, planar = 0, norm = 0, plainR = 0;
        int bp = net.bp;
        for (int i = 0; i < B; i++) {
            double se = 0;
            for (int c = 0; c < 3; c++) {
                double d = net.y[c * bp + i] - net.x[c * bp + i];
                se += d * d;
            }
            r += w[i] * se / 3;
            plainR += se / 3;
            double z2 = 0, n2 = 0;
            for (int d = 0; d < 4; d++) {
                double z = net.latent.z[d * bp + i];
                n2 += z * z;
                if (d >= 2) z2 += z * z;
            }
            planar += w[i] * z2;
            norm += w[i] * (Math.sqrt(n2) - 1) * (Math.sqrt(n2) - 1);
        }
        assertEquals(plainR / B, plainRecon, 1e-6 * plainR / B);
        assertEquals(r / B, recon, 1e-6 * r / B);
        assertEquals(planar / B, weighted[0], 1e-5 * planar / B);
        assertEquals(norm / B, weighted[1], 1e-5 * norm / B);
        // the separation is a term of the whole batch: not weighted
        assertEquals(plain[2], weighted[2]);
        assertNotEquals(plain[0], weighted[0]);
    }

    @Test
    void weightedGradientsMatchFiniteDifferences() {
        RunSpec run = run(List.of(reg("planar", new Planarity()), reg("norm", new Unitarity())));
        FusedLayout layout = new FusedLayout(M1);
        Network net = new Network(layout, B);
        FusedRun fused = new FusedRun(run, layout, net, new Network(layout, 351));
        layout.write(WeightInit.initialize(M1, 2), fused.params());
        SplittableRandom rng = new SplittableRandom(4);
        float[] rows = new float[3 * B];
        for (int i = 0; i < rows.length; i++) rows[i] = (float) rng.nextDouble();
        float[] w = new float[B];
        double sum = 0;
        for (int i = 0; i < B; i++) sum += w[i] = (float) Math.pow(rng.nextDouble(), 3);
        for (int i = 0; i < B; i++) w[i] /= (float) sum;
        float[] weights = {0.7f, 1.3f};
        net.load(rows);
        net.weigh(w);
        float[] values = new float[2];
        fused.forwardBackward(weights, true, new float[0][], values);
        float[] grads = fused.grads().clone();
        float[] p = fused.params();
        double scale = 0;
        for (float g : grads) scale = Math.max(scale, Math.abs(g));
        int checked = 0;
        for (int i = 0; i < p.length; i += 3) {
            if (Math.abs(grads[i]) < 0.05 * scale) continue;
            float keep = p[i];
            float h = 1e-2f * Math.max(1e-2f, Math.abs(keep));
            p[i] = keep + h;
            double up = total(fused, weights, values);
            p[i] = keep - h;
            double down = total(fused, weights, values);
            p[i] = keep;
            double numeric = (up - down) / (2.0 * h);
            assertEquals(numeric, grads[i], 0.02 * Math.abs(grads[i]) + 1e-4 * scale, "parameter " + i);
            checked++;
        }
        assertTrue(checked >= 10, "checked " + checked + " parameters");
    }

    private static double total(FusedRun fused, float[] weights, float[] values) {
        double recon = fused.forwardBackward(weights, true, new float[0][], values);
        return recon + weights[0] * values[0] + weights[1] * values[1];
    }

    /** ex-1.6 smooth, the weighted phase from step 100, both data properties moving every step up to 199. */
    static RunSpec short16(int seed, String lossWeighting) {
        String text = M1Runs.ex16("smooth", 200, "100") + """
                training.data.loss-weighting = %s
                training.data.properties.data-hues = [[100, 0], [199, 1]]
                training.data.properties.data-vibrancies = [[100, 0.2], [199, 0.9]]
                """.formatted(lossWeighting);
        return M1Runs.parse(text, seed);
    }

    @Test
    void aShort16RunTrainsAndEqualsItselfInAPack() {
        RunSpec subject = short16(3, "sampling");
        TrainedRun alone = new FusedPackTrainer().train(List.of(subject)).get(0);
        List<TrainedRun> pack = new FusedPackTrainer().train(List.of(short16(11, "sampling"), subject,
                short16(5, "sampling")));
        TrainedRun inPack = pack.get(1);
        assertTrue(alone.ok(), String.valueOf(alone.failure()));
        assertTrue(inPack.ok());
        assertEquals(3, inPack.packSize());
        assertEquals(alone.history(), inPack.history());
        ModelWeights a = alone.weights(), b = inPack.weights();
        for (int l = 0; l < a.encoder().size(); l++) {
            assertLayerEquals(a.encoder().get(l), b.encoder().get(l));
            assertLayerEquals(a.decoder().get(l), b.decoder().get(l));
        }
        for (HistoryPoint h : alone.history()) {
            h.losses().values().forEach(v -> assertTrue(Double.isFinite(v), "step " + h.step() + ": " + h.losses()));
        }
        // the curriculum batches are weighted: the same run with plain means learns otherwise
        TrainedRun unweighted = new FusedPackTrainer().train(List.of(short16(3, "none"))).get(0);
        HistoryPoint before = at(alone, 90), beforePlain = at(unweighted, 90);
        assertEquals(before.losses(), beforePlain.losses());   // the full-batch phase is unweighted in both
        assertNotEquals(at(alone, 150).losses().get("recon"), at(unweighted, 150).losses().get("recon"));
        assertNotEquals(pack.get(0).finalLosses().get("recon"), inPack.finalLosses().get("recon"));
        // history records the data properties' values used (linear keys [[100, 0], [199, 1]] are min-jerk: ½ midway)
        assertEquals(0.0, at(alone, 90).weights().get("data-hues"));
        assertEquals(subject.training().data().properties().get("data-hues").valueAt(150),
                at(alone, 150).weights().get("data-hues"));
    }

    @Test
    void aReactiveRuleMovesADataProperty() {
        // data-hues would stay 0; a rule that fires at the first check (validation recon below 1) sends it to 1
        String text = M1Runs.ex16("smooth", 200, "100") + """
                training.data.properties.data-hues = 0
                reactive.widen { property = data-hues, when { metric = validation.recon, below = 1 }, target = 1,
                  duration = 20 }
                """;
        TrainedRun run = new FusedPackTrainer().train(List.of(M1Runs.parse(text, 0))).get(0);
        assertTrue(run.ok());
        assertEquals(0.0, at(run, 50).weights().get("data-hues"));   // the first check is after batch 50
        assertEquals(1.0, at(run, 100).weights().get("data-hues"), 1e-12);
    }

    private static HistoryPoint at(TrainedRun run, int step) {
        return run.history().stream().filter(h -> h.step() == step).findFirst().orElseThrow();
    }

    private static void assertLayerEquals(DenseLayer a, DenseLayer b) {
        assertArrayEquals(a.weights(), b.weights());
        assertArrayEquals(a.bias(), b.bias());
    }
}
