package dev.anchorsweep.run;

import java.util.List;

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

    public String canonical() {
        return "sets=" + sets + ",latents=" + latentSet + latentInterventions + ",selection=" + selection;
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
