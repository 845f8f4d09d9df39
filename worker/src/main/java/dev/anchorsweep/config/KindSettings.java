package dev.anchorsweep.config;

import com.typesafe.config.ConfigObject;
import dev.anchorsweep.latent.LatentDims;
import dev.anchorsweep.latent.LatentDirection;
import dev.anchorsweep.latent.LatentVector;
import dev.anchorsweep.schedule.Dopesheet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The settings of one config entry of a kind (a regularizer or an intervention), its kind's defaults from
 * {@code reference.conf} filled in, read as value types against the latent width K and the run's length. Each getter
 * records a problem (file, line, path, bad value) and returns null when a setting is missing or bad.
 */
final class KindSettings {

    static final List<String> STEP_KEYS = List.of("dopesheet", "action");

    private final ConfigReader reader;
    private final int latentDim;
    private final Path baseDir;
    private final Integer steps;

    /** @param latentDim K, or −1 when the model section is itself invalid (then nothing latent is checked) */
    KindSettings(ConfigReader reader, int latentDim) {
        this(reader, latentDim, null, null);
    }

    /**
     * @param baseDir the config file's folder, against which dopesheet paths resolve (may be null)
     * @param steps   training.steps, or null when it is itself invalid (then no step is checked against it)
     */
    KindSettings(ConfigReader reader, int latentDim, Path baseDir, Integer steps) {
        this.reader = reader;
        this.latentDim = latentDim;
        this.baseDir = baseDir;
        this.steps = steps;
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
        return child == null ? null : new KindSettings(child, latentDim, baseDir, steps);
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

    /**
     * A training step in 0..steps−1: a whole number, or {@code { dopesheet = "file.csv", action = anchor }}, the step
     * of the first row whose ACTION cell lists the action (the path relative to the config file's folder).
     */
    Integer step(String key) {
        Integer step;
        String from;
        if (reader.value(key) instanceof ConfigObject o) {
            ConfigReader r = new ConfigReader(o, reader.path(key), reader.problems());
            r.allowOnly(STEP_KEYS);
            Dopesheet sheet = ScheduleParser.dopesheet(r, baseDir);
            String action = r.string("action");
            if (sheet == null || action == null) return null;
            step = null;
            List<String> actions = new ArrayList<>();
            for (Map.Entry<Integer, List<String>> row : sheet.actions().entrySet()) {
                if (step == null && row.getValue().contains(action)) step = row.getKey();
                for (String a : row.getValue()) if (!actions.contains(a)) actions.add(a);
            }
            if (step == null) {
                r.problem("action", "no row of " + sheet.sourceName() + " has the action '" + action + "'"
                        + DidYouMean.hint(action, actions) + " (actions there: "
                        + (actions.isEmpty() ? "none" : String.join(", ", actions)) + ")");
                return null;
            }
            from = " (the '" + action + "' row of " + sheet.sourceName() + ")";
        } else {
            step = reader.integer(key, 0, Integer.MAX_VALUE);
            from = "";
            if (step == null) return null;
        }
        if (steps != null && step >= steps) {
            reader.problem(key, "must be a step in 0.." + (steps - 1) + " (training.steps = " + steps + "), but got "
                    + step + from);
            return null;
        }
        return step;
    }

    void problem(String key, String message) {
        reader.problem(key, message);
    }
}
