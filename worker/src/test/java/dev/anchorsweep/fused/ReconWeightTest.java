package dev.anchorsweep.fused;

import dev.anchorsweep.concept.Concept;
import dev.anchorsweep.concept.Measure;
import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.regularizer.Anchor;
import dev.anchorsweep.run.EvaluationSpec;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;
import dev.anchorsweep.schedule.KeyframeSchedule;
import dev.anchorsweep.train.WeightInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reconstruction weight c scales the reconstruction's gradient and nothing else: on one batch, the gradient with
 * recon weight c and regularizer weight w is c·(gradient of the reconstruction alone) + (gradient of the regularizer
 * alone), and c = 2 doubles the reconstruction's gradient exactly (a power of two commutes with float rounding).
 * (With Adam, weighting the whole loss by c would barely change training — its update is scale-free — so the
 * gradient is what to check, not the trajectory.)
 */
class ReconWeightTest {

    static final Concept RED = new Concept("red", Measure.REDNESS, 1, 1);

    float[] gradient(Architecture arch, float c, float w, int seed) {
        RunSpec run = new RunSpec(0, arch, new TrainingSpec(10, 64, 8, KeyframeSchedule.constant(0.01), 5, 5,
                List.of(10)), List.of(RED), List.of(new RegularizerSpec("anchor",
                new Anchor(direction(arch.latentDim())), "red", KeyframeSchedule.constant(1))), List.of(),
                new EvaluationSpec(List.of("named"), null, List.of(), new EvaluationSpec.Selection(null, List.of("recon"))));
        FusedLayout layout = new FusedLayout(arch);
        Network net = new Network(layout, 64);
        FusedRun fused = new FusedRun(run, layout, net, new Network(layout, 351));
        layout.write(WeightInit.initialize(arch, seed), fused.params());
        SplittableRandom random = new SplittableRandom(seed);
        float[] rows = new float[64 * 3];
        for (int i = 0; i < rows.length; i++) rows[i] = (float) random.nextDouble();
        net.load(rows);
        float[][] labels = new float[1][net.bp];
        for (int i = 0; i < 64; i++) labels[0][i] = random.nextDouble() < 0.3 ? 1 : 0;
        net.reconWeight = c;
        fused.forwardBackward(new float[] {w}, true, labels, new float[1]);
        return fused.grads().clone();
    }

    static double[] direction(int k) {
        double[] d = new double[k];
        d[0] = 1;
        return d;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theReconWeightScalesOnlyTheReconstructionGradient(boolean paper) {
        Architecture arch = paper ? Architecture.isolated() : new Architecture(4, 16, 1, false, true);
        float[] recon = gradient(arch, 1, 0, 7);
        float[] doubled = gradient(arch, 2, 0, 7);
        float[] none = gradient(arch, 0, 0, 7);
        float[] anchor = gradient(arch, 0, 0.5f, 7);
        float[] both = gradient(arch, 0.3f, 0.5f, 7);
        double scale = 0;
        for (int i = 0; i < recon.length; i++) {
            assertEquals(2 * recon[i], doubled[i], 0, "parameter " + i);
            assertEquals(0, none[i], 0);
            scale = Math.max(scale, Math.abs(recon[i]));
        }
        assertTrue(scale > 0);
        double anchorScale = 0;
        for (float a : anchor) anchorScale = Math.max(anchorScale, Math.abs(a));
        assertTrue(anchorScale > 0, "the anchor moves the gradient");
        for (int i = 0; i < recon.length; i++) {
            assertEquals(0.3 * recon[i] + anchor[i], both[i], 1e-5 * (scale + anchorScale), "parameter " + i);
        }
    }
}
