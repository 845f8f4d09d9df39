package dev.anchorsweep.data;

import dev.anchorsweep.reproduction.PaperConfigs;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.schedule.KeyframeSchedule;
import dev.anchorsweep.train.BatchSampler;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batches {@link DataSampler} draws: the paper's unchanged, curricula ∝ their weights, phases, loss weights. */
class DataSamplerTest {

    @Test
    void theDefaultDrawsExactlyWhatBatchSamplerDraws() {
        for (int seed : new int[] {0, 7}) {
            RunSpec run = PaperConfigs.run("ex-2.9.1", seed);
            assertTrue(run.training().data().isDefault());
            BatchSampler reference = new BatchSampler(run);
            DataSampler sampler = new DataSampler(run);
            int b = run.training().batchSize();
            float[] rows = new float[3 * b];
            float[][] labels = new float[run.concepts().size()][b];
            for (int t = 0; t < 200; t++) {
                reference.next(rows, 0, labels);
                DataSampler.Batch batch = sampler.next(t, new double[0]);
                assertEquals(b, batch.size());
                assertArrayEquals(rows, Arrays.copyOf(batch.rows(), 3 * b), "colours at step " + t);
                for (int k = 0; k < labels.length; k++) {
                    assertArrayEquals(labels[k], Arrays.copyOf(batch.labels()[k], b), "labels at step " + t);
                }
                assertNull(batch.lossWeights());
            }
            assertArrayEquals(reference.labelCounts(), sampler.labelCounts());
        }
    }

    /** Per colour: bias × Π levels of its measures, computed colour by colour (no classes, no axes). */
    static double[] weights(TrainingColors colors, List<CurriculumFactor> curriculum, Map<String, Double> values,
                            boolean bias) {
        double[] w = new double[colors.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = bias ? colors.bias(i) : 1;
            for (CurriculumFactor f : curriculum) {
                w[i] *= Levels.ofFraction(values.get(f.property())).apply(f.measure().of(colors, i));
            }
        }
        return w;
    }

    /**
     * Which colour of {@code colors} each drawn row is: the first with its float RGB (black at every hue and s, white at
     * every hue, are one colour in RGB; {@link #byRgb} pools their weights the same way).
     */
    static Map<String, Integer> index(TrainingColors colors) {
        Map<String, Integer> index = new HashMap<>();
        float[] rows = colors.rows();
        for (int i = 0; i < colors.size(); i++) {
            index.putIfAbsent(rows[3 * i] + "," + rows[3 * i + 1] + "," + rows[3 * i + 2], i);
        }
        return index;
    }

    /** The weights of colours with the same RGB summed into the first of them (the one {@link #index} names). */
    static double[] byRgb(TrainingColors colors, double[] w) {
        Map<String, Integer> index = index(colors);
        float[] rows = colors.rows();
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) out[index.get(rows[3 * i] + "," + rows[3 * i + 1] + "," + rows[3 * i + 2])] += w[i];
        return out;
    }

    /**
     * Chi-square of drawn colour counts against the expected ∝ {@code w}: colours whose expected count is below 5
     * are pooled into one cell; colours of weight 0 must never be drawn.
     */
    static double chiSquareP(double[] w, long[] observed) {
        double total = Arrays.stream(w).sum();
        long n = Arrays.stream(observed).sum();
        List<Double> expected = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        double pooledExpected = 0;
        long pooled = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] == 0) {
                if (observed[i] > 0) return 0; // a colour of weight 0 was drawn
                continue;
            }
            double e = n * w[i] / total;
            if (e < 5) {
                pooledExpected += e;
                pooled += observed[i];
            } else {
                expected.add(e);
                counts.add(observed[i]);
            }
        }
        if (pooledExpected > 0) {
            expected.add(pooledExpected);
            counts.add(pooled);
        }
        if (expected.size() < 2) return 1;
        return new ChiSquareTest().chiSquareTest(expected.stream().mapToDouble(Double::doubleValue).toArray(),
                counts.stream().mapToLong(Long::longValue).toArray());
    }

    static long[] draw(DataSampler sampler, int step, double[] values, TrainingColors colors, int batches) {
        Map<String, Integer> index = index(colors);
        long[] counts = new long[colors.size()];
        for (int k = 0; k < batches; k++) {
            DataSampler.Batch b = sampler.next(step, values);
            float[] r = b.rows();
            for (int i = 0; i < b.size(); i++) counts[index.get(r[3 * i] + "," + r[3 * i + 1] + "," + r[3 * i + 2])]++;
        }
        return counts;
    }

    @Test
    void ex15BatchesFollowBiasTimesVibrancyLevelsAtFourSteps() {
        RunSpec run = M1Runs.parse(M1Runs.ex15(20001), 0);
        TrainingData data = run.training().data();
        KeyframeSchedule fraction = data.properties().get("data-fraction");
        TrainingColors cube = new ColorSpec.HsvCube(36, 10, 10).build(8);
        DataSampler sampler = new DataSampler(run);
        for (int step : new int[] {3000, 9000, 12000, 16000}) {
            double f = fraction.valueAt(step);
            double[] w = weights(cube, data.curriculum(), Map.of("data-fraction", f), true);
            long[] counts = draw(sampler, step, new double[] {f}, cube, 400);
            double p = chiSquareP(byRgb(cube, w), counts);
            System.out.printf("ex-1.5 step %d: data-fraction %.4f, chi-square p = %.3f%n", step, f, p);
            assertTrue(p > 1e-3, "step " + step + ": p = " + p);
        }
        // at step 3000 (f = 0) only s·v ≥ 0.99 has weight: the 36 vibrant hues
        long[] first = draw(sampler, 3000, new double[] {0}, cube, 20);
        for (int i = 0; i < first.length; i++) if (first[i] > 0) assertEquals(99, i % 100, "colour " + i);
    }

    @Test
    void ex16BatchesFollowBiasTimesBothLevelsAndDrawTheAxesApart() {
        RunSpec run = M1Runs.parse(M1Runs.ex16("smooth", 10001, "\"All hues\""), 0);
        TrainingData data = run.training().data();
        TrainingColors cube = new ColorSpec.HsvCube(36, 10, 10).build(8);
        DataSampler sampler = new DataSampler(run);
        // the weighted phase: hues on one axis (focus: ≤ 36 classes), (s, v) on the other (bias and vibrancy: the 10
        // colours of v = 0 coincide, so 91 classes)
        int[] classes = sampler.classes().get(1);
        assertEquals(91, classes[1]);
        assertTrue(classes[0] <= 36 && classes[0] >= 4, Arrays.toString(classes));
        for (double[] v : new double[][] {{0.3, 0.7}, {1.0, 0.2}, {0.1, 0.55}}) {
            Map<String, Double> values = Map.of("data-hues", v[0], "data-vibrancies", v[1]);
            double[] w = weights(cube, data.curriculum(), values, true);
            double[] ordered = data.propertyNames().stream().mapToDouble(values::get).toArray();
            long[] counts = draw(sampler, 600, ordered, cube, 4000);
            double p = chiSquareP(byRgb(cube, w), counts);
            System.out.printf("ex-1.6 hues %.2f vibrancies %.2f: chi-square p = %.3f%n", v[0], v[1], p);
            assertTrue(p > 1e-3, Arrays.toString(v) + ": p = " + p);
        }
    }

    @Test
    void aWrongWeightIsRejectedByTheSameTest() {
        // the chi-square test above can fail: counts drawn ∝ bias × levels(f = 0.4) against the weights of f = 0.3
        RunSpec run = M1Runs.parse(M1Runs.ex15(20001), 0);
        TrainingColors cube = new ColorSpec.HsvCube(36, 10, 10).build(8);
        DataSampler sampler = new DataSampler(run);
        double[] w = weights(cube, run.training().data().curriculum(), Map.of("data-fraction", 0.3), true);
        long[] counts = draw(sampler, 5000, new double[] {0.4}, cube, 400);
        assertTrue(chiSquareP(byRgb(cube, w), counts) < 1e-6);
    }

    @Test
    void phasesSwitchColoursAndBatchSizeAtTheirSteps() {
        RunSpec run = M1Runs.parse(M1Runs.ex16("stepped", 10001, "\"All hues\""), 3);
        DataSampler sampler = new DataSampler(run);
        assertEquals(List.of(6, 32), List.copyOf(sampler.batchSizes()));
        double[] values = {0.5, 0};
        for (int t : new int[] {0, 1, 499}) {
            DataSampler.Batch b = sampler.next(t, values);
            assertEquals(6, b.size(), "step " + t);
            // the full phase: the six colours in order, every step, unweighted
            float[] expected = {1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 1};
            for (int i = 0; i < expected.length; i++) assertEquals(expected[i], b.rows()[i], 1e-6, "step " + t);
            assertNull(b.lossWeights());
        }
        assertEquals(6, sampler.batchSizeAt(499));
        DataSampler.Batch b = sampler.next(500, values);
        assertEquals(32, b.size());
        assertEquals(32, sampler.batchSizeAt(500));
        assertEquals(32, sampler.batchSizeAt(10000));
    }

    @Test
    void lossWeightsAreTheCurriculumWeightsOfTheDrawnColoursNormalised() {
        RunSpec run = M1Runs.parse(M1Runs.ex16("smooth", 10001, "500"), 1);
        DataSampler sampler = new DataSampler(run);
        TrainingColors cube = new ColorSpec.HsvCube(36, 10, 10).build(8);
        Map<String, Integer> index = index(cube);
        TrainingData data = run.training().data();
        Map<String, Double> values = Map.of("data-hues", 0.6, "data-vibrancies", 0.4);
        double[] ordered = data.propertyNames().stream().mapToDouble(values::get).toArray();
        // curriculum weights without the bias (the reference's weighted_collate_fn)
        double[] cw = weights(cube, data.curriculum(), values, false);
        for (int k = 0; k < 20; k++) {
            DataSampler.Batch b = sampler.next(700, ordered);
            float[] lw = b.lossWeights();
            double sum = 0, raw = 0;
            double[] drawn = new double[b.size()];
            for (int i = 0; i < b.size(); i++) {
                float[] r = b.rows();
                drawn[i] = cw[index.get(r[3 * i] + "," + r[3 * i + 1] + "," + r[3 * i + 2])];
                raw += drawn[i];
                sum += lw[i];
            }
            assertEquals(1.0, sum, 1e-5);
            for (int i = 0; i < b.size(); i++) assertEquals(drawn[i] / raw, lw[i], 1e-6);
        }
    }

    @Test
    void weightsThatSumToNothingFallBackToUniform() {
        // every colour has s·v = 0.5 < 0.99: at data-fraction 0 all weights are 0, so colours are drawn uniformly and
        // the loss weights are 1/B each (the reference: uniform sampling, weights 1/B when they sum to ≤ 1e-6)
        RunSpec run = M1Runs.parse("""
                model { latent-dim = 4, layers = 1, bottleneck = none, output = sigmoid }
                training {
                  steps = 10, batch-size = 16, lr = 0.01
                  data {
                    colors { type = hsv, hues = { from = 0, to = 360, step = 90 }, saturations = 0.5, values = 1 }
                    curriculum = [{ measure = vibrancy, property = f }]
                    loss-weighting = sampling
                    properties { f = 0 }
                  }
                }
                """, 0);
        DataSampler sampler = new DataSampler(run);
        DataSampler.Batch b = sampler.next(0, new double[] {0});
        assertEquals(16, b.size());
        for (int i = 0; i < 16; i++) assertEquals(1f / 16, b.lossWeights()[i]);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 16; i++) seen.add(b.rows()[3 * i] + "," + b.rows()[3 * i + 1] + "," + b.rows()[3 * i + 2]);
        assertTrue(seen.size() > 1, "uniform over the 4 colours, but drew " + seen);
    }

    /** The batches of {@code run} over steps 600..(600 + steps), the data properties from {@code values}. */
    static List<float[]> batches(RunSpec run, int steps, java.util.function.IntFunction<double[]> values) {
        DataSampler sampler = new DataSampler(run);
        List<float[]> out = new ArrayList<>();
        for (int t = 600; t < 600 + steps; t++) {
            DataSampler.Batch b = sampler.next(t, values.apply(t));
            out.add(Arrays.copyOf(b.rows(), 3 * b.size()));
            assertTrue(b.lossWeights() != null, "ex-1.6 weights its losses");
            out.add(Arrays.copyOf(b.lossWeights(), b.size()));
        }
        return out;
    }

    @Test
    void aRunDrawsTheSameAloneAsInAPackWhoseFirstRunBuiltTheTables() {
        // ex-1.6's weighted phase, both data properties moving every step (a new exact table per step and axis); the
        // subject alone on a cold start builds every table itself, in a pack of 3 after run 11 none
        RunSpec subject = M1Runs.parse(M1Runs.ex16("smooth", 10001, "500"), 3);
        RunSpec first = subject.withSeed(11), last = subject.withSeed(5);
        int steps = 300;
        java.util.function.IntFunction<double[]> moving = t -> new double[] {(t - 600) / 300.0, 1 - (t - 600) / 400.0};
        // a reactive rule moved the subject's second data property to 0.1 from step 700: a value no other run has
        java.util.function.IntFunction<double[]> moved = t -> t < 700 ? moving.apply(t)
                : new double[] {moving.apply(t)[0], 0.1};
        for (java.util.function.IntFunction<double[]> own : List.of(moving, moved)) {
            PhaseSampler.forgetPrototypes();
            List<float[]> alone = batches(subject, steps, own);
            long builtAlone = tablesBuilt(subject);
            PhaseSampler.forgetPrototypes();
            batches(first, steps, moving);
            long builtByFirst = tablesBuilt(subject);
            List<float[]> inPack = batches(subject, steps, own);
            long builtBySubject = tablesBuilt(subject) - builtByFirst;
            batches(last, steps, moving);
            assertEquals(alone.size(), inPack.size());
            for (int i = 0; i < alone.size(); i++) assertArrayEquals(alone.get(i), inPack.get(i), "batch " + i / 2);
            // each value's table is built once for the pack: by its first run, and by the subject only where its
            // values went where no run's had (0.1: one value more)
            assertTrue(builtByFirst >= 100, "built " + builtByFirst);
            if (own == moving) {
                assertEquals(builtAlone, builtByFirst);
                assertEquals(0, builtBySubject);
            } else {
                assertTrue(builtAlone < builtByFirst, builtAlone + " vs " + builtByFirst);
                assertEquals(1, builtBySubject);
            }
            assertEquals(builtByFirst + builtBySubject, tablesBuilt(subject), "the last run built none");
        }
    }

    /**
     * Tables built so far by the weighted phase's axes of {@code run} (shared by its sampler's copies): exact ones (its
     * axes have one factor each and few positions) and reference ones.
     */
    private static long tablesBuilt(RunSpec run) {
        WeightedAxis[] axes = new DataSampler(run).axes().get(1);
        long built = 0;
        for (WeightedAxis a : axes) built += a.exactTablesBuilt() + a.proposalTablesBuilt();
        return built;
    }
}
