package dev.anchorsweep.sweep.sampling;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * How a sampled setting's value follows from a coordinate u ∈ [0, 1) of a drawn point. Continuous values are rounded
 * to {@link #SIGNIFICANT_DIGITS} significant digits (and kept within [min, max]), so that the value a run trains
 * with, the one {@code validate} prints and the one in {@code runs.axes} are the same short decimal.
 */
public sealed interface Distribution permits Distribution.Uniform, Distribution.LogUniform, Distribution.IntUniform,
        Distribution.Choice {

    int SIGNIFICANT_DIGITS = 6;

    List<String> NAMES = List.of("uniform", "log-uniform", "int-uniform", "choice");

    /** The value at coordinate {@code u}: a Double for continuous distributions, else the whole number or choice. */
    Number value(double u);

    /** Whether every value is a whole number (what a keyframe's step needs). */
    boolean wholeNumbers();

    /** The smallest and the largest value it can give. */
    double min();

    double max();

    /** E.g. {@code log-uniform 0.01..1} or {@code choice [4, 5, 6]}. */
    String describe();

    /** min + u·(max − min). */
    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            requireOrdered(min, max);
        }

        @Override
        public Number value(double u) {
            return rounded(min + u * (max - min), min, max);
        }

        @Override
        public boolean wholeNumbers() {
            return false;
        }

        @Override
        public String describe() {
            return "uniform " + NumberText.of(min) + ".." + NumberText.of(max);
        }
    }

    /** exp(ln min + u·(ln max − ln min)): equal ratios equally likely; u = ½ gives the geometric mean √(min·max). */
    record LogUniform(double min, double max) implements Distribution {
        public LogUniform {
            if (!(min > 0)) {
                throw new IllegalArgumentException("log-uniform draws the logarithm uniformly, so min must be > 0, but"
                        + " got min = " + NumberText.of(min));
            }
            requireOrdered(min, max);
        }

        @Override
        public Number value(double u) {
            return rounded(Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))), min, max);
        }

        @Override
        public boolean wholeNumbers() {
            return false;
        }

        @Override
        public String describe() {
            return "log-uniform " + NumberText.of(min) + ".." + NumberText.of(max);
        }
    }

    /** Each whole number of min..max (both included) with equal chance: min + ⌊u·(max − min + 1)⌋. */
    record IntUniform(long minValue, long maxValue) implements Distribution {
        public IntUniform {
            if (minValue >= maxValue) {
                throw new IllegalArgumentException("min must be less than max, but got min = " + minValue + " ≥ max = "
                        + maxValue);
            }
            if (maxValue - minValue > 1L << 52) {
                throw new IllegalArgumentException("int-uniform spans at most 2^52 values, but got " + minValue + ".."
                        + maxValue);
            }
        }

        @Override
        public Number value(double u) {
            long v = minValue + (long) Math.floor(u * (maxValue - minValue + 1));
            long clamped = Math.min(maxValue, Math.max(minValue, v));
            return clamped == (int) clamped ? (Number) (int) clamped : (Number) clamped;
        }

        @Override
        public boolean wholeNumbers() {
            return true;
        }

        @Override
        public double min() {
            return minValue;
        }

        @Override
        public double max() {
            return maxValue;
        }

        @Override
        public String describe() {
            return "int-uniform " + minValue + ".." + maxValue;
        }
    }

    /** One of the values, each with equal chance: values[⌊u·n⌋]. */
    record Choice(List<Number> values) implements Distribution {
        public Choice {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("choice needs at least one value");
            for (int i = 0; i < values.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (values.get(i).doubleValue() == values.get(j).doubleValue()) {
                        throw new IllegalArgumentException("each value must be different, but "
                                + NumberText.of(values.get(i)) + " appears twice in " + describeValues(values));
                    }
                }
            }
        }

        @Override
        public Number value(double u) {
            return values.get(Math.min(values.size() - 1, (int) Math.floor(u * values.size())));
        }

        @Override
        public boolean wholeNumbers() {
            return values.stream().allMatch(v -> v.doubleValue() == Math.rint(v.doubleValue()));
        }

        @Override
        public double min() {
            return values.stream().mapToDouble(Number::doubleValue).min().orElseThrow();
        }

        @Override
        public double max() {
            return values.stream().mapToDouble(Number::doubleValue).max().orElseThrow();
        }

        @Override
        public String describe() {
            return "choice " + describeValues(values);
        }

        private static String describeValues(List<Number> values) {
            return "[" + String.join(", ", values.stream().map(NumberText::of).toList()) + "]";
        }
    }

    private static void requireOrdered(double min, double max) {
        if (!(min < max)) {
            throw new IllegalArgumentException("min must be less than max, but got min = " + NumberText.of(min)
                    + " ≥ max = " + NumberText.of(max));
        }
    }

    private static Double rounded(double x, double min, double max) {
        double r = new BigDecimal(x).round(new MathContext(SIGNIFICANT_DIGITS)).doubleValue();
        return Math.min(max, Math.max(min, r));
    }
}
