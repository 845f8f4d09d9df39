package dev.anchorsweep.train;

import dev.anchorsweep.concept.Concept;
import dev.anchorsweep.concept.Measure;
import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.model.ModelWeights;
import dev.anchorsweep.regularizer.Anchor;
import dev.anchorsweep.regularizer.AntiAnchor;
import dev.anchorsweep.regularizer.AntiSubspace;
import dev.anchorsweep.regularizer.EuclideanAnchor;
import dev.anchorsweep.regularizer.Planarity;
import dev.anchorsweep.regularizer.Separate;
import dev.anchorsweep.regularizer.Subspace;
import dev.anchorsweep.regularizer.Unitarity;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.schedule.KeyframeSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SameDiff's gradients of the whole pack loss (reconstruction and every regularizer kind, labelled and not) against
 * central finite differences, on a tiny pack of two different runs in double precision.
 */
class GradientCheckTest {

    private static final KeyframeSchedule ONE = KeyframeSchedule.constant(1);

    private static RunSpec run(int seed, boolean normalize, boolean full) {
        Architecture arch = new Architecture(3, 4, 2, normalize, !normalize);
        Concept red = new Concept("red", Measure.REDNESS, 1, 1);
        List<RegularizerSpec> regs = full ? List.of(
                new RegularizerSpec("anchor", new Anchor(new double[] {1, 0.2, 0}), "red", ONE),
                new RegularizerSpec("anti-anchor", new AntiAnchor(new double[] {-1, 0, 0}, true), null, ONE),
                new RegularizerSpec("anti-anchor-full", new AntiAnchor(new double[] {0, -1, 0}, false), null, ONE),
                new RegularizerSpec("subspace", new Subspace(new int[] {0, 1}), "red", ONE),
                new RegularizerSpec("anti-subspace", new AntiSubspace(new int[] {0}), null, ONE),
                new RegularizerSpec("planarity", new Planarity(), null, ONE),
                new RegularizerSpec("unitarity", new Unitarity(), "red", ONE),
                new RegularizerSpec("euclid", new EuclideanAnchor(new double[] {0.5, 0.5, 0}), "red", ONE),
                new RegularizerSpec("separate", new Separate(4, true), null, ONE),
                new RegularizerSpec("separate10", new Separate(10, false), null, ONE))
                : List.of(
                new RegularizerSpec("anchor", new Anchor(new double[] {0, 0, 1}), "red", ONE),
                new RegularizerSpec("separate", new Separate(4, true), null, ONE));
        return new RunSpec(seed, arch, PaperRuns.training(10), List.of(red), regs, List.of(), PaperRuns.evaluation());
    }

    @ParameterizedTest(name = "normalised bottleneck: {0}")
    @ValueSource(booleans = {true, false})
    void gradientsMatchFiniteDifferences(boolean normalize) {
        List<RunSpec> runs = List.of(run(1, normalize, true), run(2, normalize, false));
        List<ModelWeights> initial = runs.stream().map(r -> WeightInit.initialize(r.architecture(), r.seed())).toList();
        PackGraph g = PackGraph.build(runs, initial, DataType.DOUBLE);

        SplittableRandom rng = new SplittableRandom(7);
        int p = runs.size(), b = 6, s = g.slots.size();
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(PackGraph.X, Nd4j.rand(DataType.DOUBLE, p, b, 3));
        double[] w = new double[p * s];
        for (int i = 0; i < w.length; i++) w[i] = 0.1 + rng.nextDouble();
        feed.put(PackGraph.WEIGHT, Nd4j.createFromArray(w).reshape(p, s));
        for (TermSlot slot : g.slots) {
            if (!slot.labelled()) continue;
            double[] mask = new double[p * b];
            for (int i = 0; i < mask.length; i++) mask[i] = i % 3 == 0 || rng.nextBoolean() ? 1 : 0;
            feed.put(slot.maskName(), Nd4j.createFromArray(mask).reshape(p, b));
        }

        Map<String, INDArray> analytic = g.sd.calculateGradients(feed, g.parameterNames());
        double eps = 1e-6;
        int checked = 0;
        double worst = 0;
        for (String name : g.parameterNames()) {
            INDArray param = g.sd.getVariable(name).getArr();
            INDArray grad = analytic.get(name);
            for (long i = 0; i < param.length(); i++) {
                double v = param.getDouble(i);
                param.putScalar(i, v + eps);
                double up = loss(g, feed);
                param.putScalar(i, v - eps);
                double down = loss(g, feed);
                param.putScalar(i, v);
                double numeric = (up - down) / (2 * eps);
                double a = grad.getDouble(i);
                double err = Math.abs(a - numeric) / Math.max(1, Math.max(Math.abs(a), Math.abs(numeric)));
                worst = Math.max(worst, err);
                assertEquals(numeric, a, 1e-5 * Math.max(1, Math.abs(numeric)), name + "[" + i + "]");
                checked++;
            }
        }
        assertTrue(checked > 100, "checked " + checked + " parameters");
        assertTrue(worst < 1e-5, "worst relative gradient error " + worst);
    }

    private static double loss(PackGraph g, Map<String, INDArray> feed) {
        return g.sd.output(feed, PackGraph.LOSS).get(PackGraph.LOSS).getDouble(0);
    }
}
