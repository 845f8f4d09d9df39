package dev.anchorsweep.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is evaluated after training.
 *
 * @param sets               evaluation colour sets whose per-colour errors are recorded (names from ColorSets)
 * @param latentSet          the colour set whose latents are recorded at the snapshot steps (null for none)
 * @param latentInterventions latent interventions whose post-intervention latents are also recorded at the end
 * @param selection          how the best run of an arm is chosen
 */
public record EvaluationSpec(List<String> sets, String latentSet, List<String> latentInterventions, Selection selection)
        implements java.io.Serializable {

    public EvaluationSpec {
        sets = List.copyOf(sets);
        latentInterventions = List.copyOf(latentInterventions);
    }

    /**
     * The {@code evaluation} section as resolved, with the latent snapshot steps (kept in {@link TrainingSpec}) at
     * {@code latents.steps}, where the config has them.
     */
    public Map<String, Object> canonicalForm(List<Integer> latentSteps) {
        Map<String, Object> latents = new HashMap<>();
        latents.put("set", latentSet);
        latents.put("steps", latentSteps);
        latents.put("interventions", latentInterventions);
        Map<String, Object> selected = new HashMap<>();
        selected.put("intervention", selection.intervention());
        selected.put("minimize", selection.minimize());
        return Map.of("sets", sets, "latents", latents, "selection", selected);
    }

    /**
     * The spec's run selection: the Pareto front of (minimise every {@code minimize} validation metric; maximise the
     * score of {@code intervention}), then the highest score.
     *
     * @param intervention whose score ranks runs (null: no score, rank by the first metric)
     * @param minimize     validation metrics to minimise, e.g. {@code recon}, {@code anchor}
     */
    public record Selection(String intervention, List<String> minimize) implements java.io.Serializable {
        public Selection {
            minimize = List.copyOf(minimize);
        }
    }
}
