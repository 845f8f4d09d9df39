package dev.anchorsweep.run;

import dev.anchorsweep.identity.Canonical;
import dev.anchorsweep.identity.Configured;

import java.util.Map;
import java.util.TreeMap;

/**
 * A named intervention applied to a trained run at evaluation (SCA-SPEC §5): either on the latent (suppression,
 * repulsion) or on the weights (ablation, pruning).
 */
public sealed interface InterventionSpec extends Canonical, java.io.Serializable
        permits LatentInterventionSpec, WeightInterventionSpec {

    /** The name it has in the config and in the result tables, e.g. {@code suppress}. */
    String name();

    /** How its selectivity is scored, or null for no score. */
    ScoreSpec score();

    /** The intervention itself: its kind and settings. */
    Configured configured();

    /** Its config entry as resolved: {@code type}, its settings and {@code score} (null for none); not its name. */
    @Override
    default Object canonicalForm() {
        @SuppressWarnings("unchecked")
        Map<String, Object> form = new TreeMap<>((Map<String, Object>) configured().canonicalForm());
        form.put("score", score());
        return form;
    }

    /** The name of intervention-free evaluation in result tables. */
    String BASELINE = "baseline";
}
