package dev.anchorsweep.data;

import dev.anchorsweep.bench.SamplingBenchmark;
import dev.anchorsweep.run.RunSpec;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both axes of ex-1.6's weighted batches drawn at once ({@link AxisPair}): exact, with or without loss weights. */
class AxisPairTest {

    private static final TrainingColors CUBE = new ColorSpec.HsvCube(36, 10, 10).build(8);

    @Test
    void pairsFollowTheWeightsOnAndOffTheReferenceGrid() {
        RunSpec run = SamplingBenchmark.template(true, LossWeighting.NONE, 300).withSeed(3);
        TrainingData data = run.training().data();
        DataSampler sampler = new DataSampler(run);
        // off the grid on both axes, on it on one (the other's squeeze taken as 1), on both (no acceptance test)
        for (double[] v : new double[][] {{0.3, 0.7}, {0.013, 0.62}, {0.5, 0.2}, {0.81, 0.5}, {0.25, 0.75}}) {
            Map<String, Double> values = Map.of("data-hues", v[0], "data-vibrancies", v[1]);
            double[] w = DataSamplerTest.weights(CUBE, data.curriculum(), values, true);
            double[] ordered = data.propertyNames().stream().mapToDouble(values::get).toArray();
            long[] counts = DataSamplerTest.draw(sampler, 0, ordered, CUBE, 3000);
            double p = DataSamplerTest.chiSquareP(DataSamplerTest.byRgb(CUBE, w), counts);
            System.out.printf("pairs at hues %.3f vibrancies %.3f: chi-square p = %.3f%n", v[0], v[1], p);
            assertTrue(p > 1e-3, Arrays.toString(v) + ": p = " + p);
        }
    }

    @Test
    void theColoursDoNotDependOnWhetherLossesAreWeighted() {
        RunSpec plain = SamplingBenchmark.template(true, LossWeighting.NONE, 300).withSeed(5);
        RunSpec weighted = SamplingBenchmark.template(true, LossWeighting.SAMPLING, 300).withSeed(5);
        DataSampler a = new DataSampler(plain), b = new DataSampler(weighted);
        List<String> names = plain.training().data().propertyNames();
        for (int t = 0; t < 300; t++) {
            int step = t;
            double[] values = names.stream()
                    .mapToDouble(n -> plain.training().data().properties().get(n).valueAt(step)).toArray();
            DataSampler.Batch x = a.next(t, values);
            float[] rows = Arrays.copyOf(x.rows(), 3 * x.size());
            DataSampler.Batch y = b.next(t, values);
            assertArrayEquals(rows, Arrays.copyOf(y.rows(), 3 * y.size()), "step " + t);
            assertNotNull(y.lossWeights());
        }
    }

    @Test
    void theSqueezeIsBelowTheAcceptanceProbabilityOfEveryValueItsTableServes() {
        RunSpec run = SamplingBenchmark.template(true, LossWeighting.NONE, 300);
        List<String> names = run.training().data().propertyNames();
        WeightedAxis[] axes = new DataSampler(run).axes().get(0);
        Map<Long, Integer> served = new HashMap<>();
        for (int k = 1; k <= ProposalTables.GRID; k++) {
            for (double d : new double[] {1e-9, 0.01, 0.3, 0.5, 0.77, 0.999}) {
                double f = (k - d) / ProposalTables.GRID; // in ((k − 1)/GRID, k/GRID): the reference k/GRID
                double[] values = new double[names.size()];
                Arrays.fill(values, f);
                for (WeightedAxis axis : axes) {
                    axis.update(values);
                    if (axis.allZero()) continue;
                    assertTrue(!axis.exact(), "f = " + f + " is off the grid");
                    long[] packed = axis.packed();
                    double[] reference = axis.referenceWeights();
                    for (int p = 0; p < packed.length; p++) {
                        int c = axis.classOf()[p];
                        if (reference[c] == 0) continue;
                        double squeeze = (packed[p] >>> 16 & 0xFFFF) / 65536.0;
                        double ratio = axis.weightNow(c) / reference[c];
                        assertTrue(squeeze <= ratio, "f " + f + " position " + p + ": squeeze " + squeeze + " > " + ratio);
                        // the levels are non-decreasing in f up to their last bit's rounding
                        assertTrue(ratio <= 1 + 1e-12, "f " + f + " position " + p + ": w_now/w_ref " + ratio);
                    }
                    served.merge(ProposalTables.key(new double[] {f}), 1, Integer::sum);
                }
            }
        }
        assertEquals(ProposalTables.GRID, served.size());
    }
}
