package dev.anchorsweep.config;

import dev.anchorsweep.latent.LatentDims;
import dev.anchorsweep.latent.LatentDirection;
import dev.anchorsweep.latent.LatentVector;

import java.util.Arrays;

/**
 * The settings of one config entry of a kind (a regularizer or an intervention), its kind's defaults from
 * {@code reference.conf} filled in, read as value types against the latent width K. Each getter records a problem
 * (file, line, path, bad value) and returns null when a setting is missing or bad.
 */
final class KindSettings {

    private final ConfigReader reader;
    private final int latentDim;

    /** @param latentDim K, or −1 when the model section is itself invalid (then nothing latent is checked) */
    KindSettings(ConfigReader reader, int latentDim) {
        this.reader = reader;
        this.latentDim = latentDim;
    }

    ConfigReader reader() {
        return reader;
    }

    Double number(String key, double min, double max) {
        return reader.number(key, min, max);
    }

    Boolean bool(String key) {
        return reader.bool(key);
    }

    /** A child object of settings, e.g. a suppression's {@code falloff}. */
    KindSettings child(String key) {
        ConfigReader child = reader.child(key);
        return child == null ? null : new KindSettings(child, latentDim);
    }

    /** A vector of one entry per latent dim. */
    LatentVector vector(String key) {
        double[] v = reader.numbers(key);
        if (v == null || latentDim < 0) return null;
        if (v.length != latentDim) {
            reader.problem(key, "must have one entry per latent dim (model.latent-dim = " + latentDim + "), but got "
                    + v.length + ": " + Arrays.toString(v));
            return null;
        }
        try {
            return LatentVector.of(v);
        } catch (IllegalArgumentException e) {
            reader.problem(key, e.getMessage());
            return null;
        }
    }

    /** A non-zero vector of one entry per latent dim. */
    LatentDirection direction(String key) {
        LatentVector v = vector(key);
        if (v == null) return null;
        try {
            return new LatentDirection(v);
        } catch (IllegalArgumentException e) {
            reader.problem(key, e.getMessage());
            return null;
        }
    }

    /**
     * Distinct latent dims in 0..K−1.
     *
     * @param leaveOne whether at least one dim must be left out (what removing dims from the model needs)
     */
    LatentDims dims(String key, boolean leaveOne) {
        int[] dims = reader.integers(key);
        if (dims == null || latentDim < 0) return null;
        try {
            LatentDims latent = new LatentDims(dims);
            if (leaveOne) {
                latent.checkFits(latentDim);
            } else {
                for (int d : dims) {
                    if (d >= latentDim) throw new IllegalArgumentException("latent dim " + d + " is out of range 0.."
                            + (latentDim - 1) + " (model.latent-dim = " + latentDim + ")");
                }
            }
            return latent;
        } catch (IllegalArgumentException e) {
            reader.problem(key, e.getMessage());
            return null;
        }
    }

    void problem(String key, String message) {
        reader.problem(key, message);
    }
}
