package dev.anchorsweep.train;

import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.reproduction.PaperConfigs;
import dev.anchorsweep.run.RunSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stochastic red labels (redness^8 · 0.08) over 1501 × 64 samples: ≈ 86 per run (SCA-SPEC §1). */
class LabelCountTest {

    @Test
    void redLabelsPerRunMatchTheExpectation() {
        RunSpec template = PaperConfigs.run("ex-2.9.1", 0);
        double expected = template.concepts().get(0).expectedLabels(ColorSets.trainingGrid(8), 1501L * 64);
        assertEquals(86.37, expected, 0.01, "the spec's ≈ 86 expected labels");

        int seeds = 200;
        double sum = 0, sumSq = 0;
        long min = Long.MAX_VALUE, max = 0;
        for (int seed = 0; seed < seeds; seed++) {
            BatchSampler sampler = new BatchSampler(PaperConfigs.run("ex-2.9.1", seed));
            float[] x = new float[64 * 3];
            float[][] labels = new float[1][64];
            for (int step = 0; step < 1501; step++) sampler.next(x, 0, labels);
            long n = sampler.labelCounts()[0];
            sum += n;
            sumSq += (double) n * n;
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
        double mean = sum / seeds;
        double sd = Math.sqrt(sumSq / seeds - mean * mean);
        // the count is a sum of ~96k rare Bernoullis: nearly Poisson, sd ≈ √86 ≈ 9.3; mean within 4 standard errors
        assertEquals(expected, mean, 4 * Math.sqrt(expected / seeds), "mean red labels over " + seeds + " seeds");
        assertTrue(sd > 6 && sd < 13, "spread of red labels across seeds " + sd);
        assertTrue(min > 40 && max < 140, "red labels per run in [" + min + ", " + max + "]");
    }
}
