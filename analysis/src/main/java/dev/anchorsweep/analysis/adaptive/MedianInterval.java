package dev.anchorsweep.analysis.adaptive;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The median of a sample and its percentile-bootstrap confidence interval: {@code resamples} resamples of n values
 * drawn with replacement by {@code SplittableRandom(SeedRule.BOOTSTRAP_SEED)}, the median of each, and the
 * (1 − confidence)/2 and (1 + confidence)/2 quantiles of those medians (linear interpolation, R type 7). The same values
 * in the same order always give the same interval. Undefined (NaN bounds, infinite width) below 2 values.
 */
public record MedianInterval(int n, double median, double low, double high) {

    public static MedianInterval of(double[] values, double confidence, int resamples) {
        int n = values.length;
        double median = n == 0 ? Double.NaN : median(values.clone());
        if (n < 2) return new MedianInterval(n, median, Double.NaN, Double.NaN);
        SplittableRandom random = new SplittableRandom(SeedRule.BOOTSTRAP_SEED);
        double[] medians = new double[resamples];
        double[] resample = new double[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) resample[i] = values[random.nextInt(n)];
            medians[b] = median(resample);
        }
        Percentile quantile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        quantile.setData(medians);
        double tail = (1 - confidence) / 2 * 100;
        return new MedianInterval(n, median, quantile.evaluate(tail), quantile.evaluate(100 - tail));
    }

    /** high − low; infinite when undefined. */
    public double width() {
        return defined() ? high - low : Double.POSITIVE_INFINITY;
    }

    public boolean defined() {
        return !Double.isNaN(low);
    }

    /** The median as the summary and the report compute it: the mean of the two middle values when n is even. */
    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
