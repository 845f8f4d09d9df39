package dev.anchorsweep.evaluation;

/** Per-colour reconstruction error (SCA-SPEC §1): mean over the 3 channels of (clamp(ŷ, 0, 1) − x)². */
public final class ColorError {

    private ColorError() {}

    public static double of(double[] truth, double[] output) {
        if (truth.length != 3 || output.length != 3) {
            throw new IllegalArgumentException("colour error needs 3 channels on both sides, but got "
                    + truth.length + " and " + output.length);
        }
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            double d = Math.min(1, Math.max(0, output[c])) - truth[c];
            sum += d * d;
        }
        return sum / 3;
    }
}
