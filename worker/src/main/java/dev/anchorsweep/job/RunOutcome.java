package dev.anchorsweep.job;

import dev.anchorsweep.evaluation.ColorEvaluation;
import dev.anchorsweep.evaluation.RunEvaluation;
import dev.anchorsweep.results.RunRow;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a worker reports back to the driver about one run it committed.
 *
 * @param conceptErrors per intervention (baseline included), the error on the named colour of the run's concept
 *                      (e.g. red); empty for a failed run or one without a concept. The driver's end-of-sweep summary
 *                      is built from these, so it needs no second pass over the tables.
 */
public record RunOutcome(String runId, String arm, String status, String error, double trainSeconds, int packSize,
                         String host, Map<String, Double> conceptErrors) implements Serializable {

    /** A named colour counts as the concept's when its HSV similarity to the concept colour is at least this. */
    public static final double CONCEPT_SIMILARITY = 0.999;

    public RunOutcome {
        conceptErrors = Map.copyOf(conceptErrors);
    }

    public boolean ok() {
        return RunRow.OK.equals(status);
    }

    /** The named colour of the concept under each intervention (the mean, should several names match). */
    public static Map<String, Double> conceptErrors(RunEvaluation evaluation) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        if (evaluation != null) {
            for (ColorEvaluation c : evaluation.colors()) {
                if (!"named".equals(c.colorSet()) || c.similarity() == null || c.similarity() < CONCEPT_SIMILARITY) {
                    continue;
                }
                double[] s = sums.computeIfAbsent(c.intervention(), k -> new double[2]);
                s[0] += c.error();
                s[1]++;
            }
        }
        Map<String, Double> errors = new LinkedHashMap<>();
        sums.forEach((intervention, s) -> errors.put(intervention, s[0] / s[1]));
        return errors;
    }
}
