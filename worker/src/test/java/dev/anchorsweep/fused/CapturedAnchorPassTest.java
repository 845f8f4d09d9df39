package dev.anchorsweep.fused;

import dev.anchorsweep.color.ColorSet;
import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.model.Autoencoder;
import dev.anchorsweep.model.ModelWeights;
import dev.anchorsweep.data.ColorSpec;
import dev.anchorsweep.regularizer.CapturedAnchor;
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

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The captured anchor in the fused engine: nothing before its capture step; the latents it captures are the encoder's
 * latents of its colours with the weights at that step; its gradient (through the encoder only) against finite
 * differences; and a run with it gives the same result alone and in a pack.
 */
class CapturedAnchorPassTest {

    static final Architecture OLD = new Architecture(4, 16, 1, false, true);
    static final ColorSpec PRIMARIES = new ColorSpec.HsvAxes(List.of(0.0, 60.0, 120.0, 180.0, 240.0, 300.0),
            List.of(1.0), List.of(1.0));
    static final int STEPS = 40;

    static RunSpec run(int seed, int captureStep, List<RegularizerSpec> others, List<Integer> snapshots) {
        List<RegularizerSpec> regs = new ArrayList<>();
        regs.add(new RegularizerSpec("anchor", new CapturedAnchor(PRIMARIES, captureStep),
                null, KeyframeSchedule.constant(0.5)));
        regs.addAll(others);
        return new RunSpec(seed, OLD, new TrainingSpec(STEPS, 16, 8, KeyframeSchedule.constant(0.02), 10, 1,
                snapshots), List.of(), regs, List.of(), new EvaluationSpec(List.of("named"), "latent-cube", List.of(),
                new EvaluationSpec.Selection(null, List.of("recon"))));
    }

    static FusedRun fused(RunSpec run) {
        FusedLayout layout = new FusedLayout(run.architecture());
        Network validation = new Network(layout, 351);
        FusedRun.loadValidationColors(validation);
        return new FusedRun(run, layout, new Network(layout, run.training().batchSize()), validation);
    }

    static float[][] loadBatch(FusedRun fused, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Network net = fused.network();
        float[] rows = new float[net.batch * 3];
        for (int i = 0; i < rows.length; i++) rows[i] = (float) rng.nextDouble();
        net.load(rows);
        return new float[0][net.bp];
    }

    @Test
    void beforeItsCaptureItIsZeroWithNoGradient() {
        FusedRun fused = fused(run(0, 5, List.of(), List.of(STEPS)));
        layoutWrite(fused, 1);
        float[][] labels = loadBatch(fused, 2);
        fused.capture(4);
        assertTrue(!fused.term(0).pass.captured());
        assertEquals(0.0, FiniteDifferences.value(fused, labels));
        float[] g = FiniteDifferences.termGradient(fused, labels);
        for (float x : g) assertEquals(0f, x);
    }

    @Test
    void itsGradientThroughTheEncoderMatchesFiniteDifferences() {
        FusedRun fused = fused(run(0, 5, List.of(), List.of(STEPS)));
        layoutWrite(fused, 1);
        float[][] labels = loadBatch(fused, 2);
        fused.capture(5);
        assertTrue(fused.term(0).pass.captured());
        // at the capture step the latents are the captured ones: L = 0 exactly
        assertEquals(0.0, FiniteDifferences.value(fused, labels));
        // move the weights away from the captured ones
        SplittableRandom rng = new SplittableRandom(9);
        float[] p = fused.params();
        for (int i = 0; i < p.length; i++) p[i] += (float) rng.nextDouble(-0.1, 0.1);
        assertTrue(FiniteDifferences.value(fused, labels) > 0);
        double scale = FiniteDifferences.check("captured-anchor", fused, labels, 2e-3);
        assertTrue(scale > 0);
        // only the encoder's parameters move: the decoder's part of its gradient is 0
        float[] g = FiniteDifferences.termGradient(fused, labels);
        FusedLayout layout = new FusedLayout(OLD);
        for (int i = layout.weightOffset[layout.encoderLayers]; i < g.length; i++) assertEquals(0f, g[i]);
    }

    @Test
    void theCapturedLatentsAreTheEncodersLatentsAtTheCaptureStep() {
        int t = 7;
        RunSpec run = run(3, t, List.of(), List.of(0, t, STEPS));
        FusedRun fused = fused(run);
        TrainedRun trained = fused.train(f -> { });
        assertTrue(trained.ok());
        CapturedAnchorPass pass = fused.term(0).pass;
        assertTrue(pass.captured());
        float[] captured = pass.reference();
        ModelWeights atT = trained.snapshots().get(t);
        assertNotEquals(0f, maxDifference(encode(trained.snapshots().get(0)), captured), "weights must move by step t");

        // the same latents as a fresh encoder pass over the step-t snapshot, bit for bit …
        assertArrayEquals(encode(atT), captured);
        // … and as the double-precision model (an independent implementation) gives them
        ColorSet colors = ColorSet.unnamed("anchor", new dev.anchorsweep.regularizer.CapturedAnchor(PRIMARIES, 0).rgb());
        double[][] expected = new Autoencoder(atT).encode(colors, null);
        int bp = Lanes.padded(colors.size());
        for (int i = 0; i < colors.size(); i++) {
            for (int d = 0; d < OLD.latentDim(); d++) {
                assertEquals(expected[i][d], captured[d * bp + i], 1e-5, "colour " + i + " dim " + d);
            }
        }

        // its loss: 0 up to and at step t, then positive; validated on its colours after the capture
        for (HistoryPoint h : trained.history()) {
            Double loss = h.losses().get("anchor");
            if (loss == null) continue;
            if (h.step() <= t) assertEquals(0.0, loss, "loss at step " + h.step());
            else assertTrue(loss > 0, "loss at step " + h.step() + ": " + loss);
            if (h.validation().containsKey("anchor") && h.step() > t) assertTrue(h.validation().get("anchor") > 0);
        }
        assertEquals(0.5, trained.history().get(0).weights().get("anchor"));
    }

    @Test
    void aRunAloneEqualsTheSameRunInAPack() {
        RunSpec subject = run(3, 12, List.of(), List.of(STEPS));
        RunSpec other = run(4, 3, List.of(new RegularizerSpec("unit", new Unitarity(), null,
                KeyframeSchedule.constant(0.1))), List.of(STEPS));
        RunSpec third = new RunSpec(5, OLD, subject.training(), List.of(), List.of(), List.of(), subject.evaluation());
        TrainedRun alone = new FusedPackTrainer().train(List.of(subject)).get(0);
        TrainedRun inPack = new FusedPackTrainer().train(List.of(other, subject, third)).get(1);
        assertTrue(alone.ok() && inPack.ok());
        assertEquals(3, inPack.packSize());
        for (int l = 0; l < alone.weights().encoder().size(); l++) {
            assertArrayEquals(alone.weights().encoder().get(l).weights(), inPack.weights().encoder().get(l).weights());
            assertArrayEquals(alone.weights().decoder().get(l).weights(), inPack.weights().decoder().get(l).weights());
        }
        assertEquals(alone.history(), inPack.history());
        assertTrue(alone.history().stream().anyMatch(h -> h.losses().getOrDefault("anchor", 0.0) > 0));
    }

    /** The fused encoder's latents [K][padded] of the anchor colours with these weights. */
    static float[] encode(ModelWeights weights) {
        FusedLayout layout = new FusedLayout(weights.architecture());
        float[] p = new float[layout.size];
        layout.write(weights, p);
        List<dev.anchorsweep.color.Rgb> colors = new dev.anchorsweep.regularizer.CapturedAnchor(PRIMARIES, 0).rgb();
        Network net = new Network(layout, colors.size());
        net.loadColors(colors);
        net.encode(p);
        return net.latent.z.clone();
    }

    static float maxDifference(float[] a, float[] b) {
        float m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    static void layoutWrite(FusedRun fused, int seed) {
        new FusedLayout(OLD).write(WeightInit.initialize(OLD, seed), fused.params());
    }
}
