package dev.anchorsweep.config;

import dev.anchorsweep.intervention.Ablation;
import dev.anchorsweep.intervention.BoundedFalloff;
import dev.anchorsweep.intervention.LinearMapper;
import dev.anchorsweep.intervention.Pruning;
import dev.anchorsweep.intervention.Repulsion;
import dev.anchorsweep.intervention.Suppression;
import dev.anchorsweep.latent.LatentDims;
import dev.anchorsweep.latent.LatentDirection;
import dev.anchorsweep.run.InterventionSpec;
import dev.anchorsweep.run.LatentInterventionSpec;
import dev.anchorsweep.run.ScoreSpec;
import dev.anchorsweep.run.WeightInterventionSpec;

import java.util.Arrays;
import java.util.List;

/**
 * Every kind of intervention a config can name ({@code type = …}): its config name, the names of its settings (their
 * defaults, and the default score power, are in reference.conf, {@code anchor-sweep.kinds.interventions}) and how it
 * is built from them. A new kind is one constant here, its defaults there, and its intervention class.
 */
enum InterventionKind {

    SUPPRESSION("suppression", "direction", "falloff") {
        @Override
        InterventionSpec build(String name, KindSettings s, ScoreSpec score) {
            LatentDirection d = s.direction("direction");
            BoundedFalloff f = falloff(s.child("falloff"));
            return d == null || f == null ? null : new LatentInterventionSpec(name, new Suppression(d.toArray(), f), score);
        }
    },
    REPULSION("repulsion", "direction", "mapper") {
        @Override
        InterventionSpec build(String name, KindSettings s, ScoreSpec score) {
            LatentDirection d = s.direction("direction");
            LinearMapper m = mapper(s.child("mapper"));
            return d == null || m == null ? null : new LatentInterventionSpec(name, new Repulsion(d.toArray(), m), score);
        }
    },
    ABLATION("ablation", "dims") {
        @Override
        InterventionSpec build(String name, KindSettings s, ScoreSpec score) {
            LatentDims dims = s.dims("dims", true);
            return dims == null ? null : new WeightInterventionSpec(name, new Ablation(dims), score);
        }
    },
    PRUNING("pruning", "dims") {
        @Override
        InterventionSpec build(String name, KindSettings s, ScoreSpec score) {
            LatentDims dims = s.dims("dims", true);
            return dims == null ? null : new WeightInterventionSpec(name, new Pruning(dims), score);
        }
    };

    /** Settings every intervention entry has, whatever its kind. */
    static final List<String> COMMON_KEYS = List.of("type", "score");
    static final List<String> SCORE_KEYS = List.of("against", "power");

    private final String configName;
    private final List<String> settings;

    InterventionKind(String configName, String... settings) {
        this.configName = configName;
        this.settings = List.of(settings);
    }

    String configName() {
        return configName;
    }

    /** The names of its own settings (beyond {@link #COMMON_KEYS}). */
    List<String> settings() {
        return settings;
    }

    /** The intervention of these settings (defaults filled in), or null after recording a problem. */
    abstract InterventionSpec build(String name, KindSettings settings, ScoreSpec score);

    static List<String> configNames() {
        return Arrays.stream(values()).map(InterventionKind::configName).toList();
    }

    static InterventionKind byConfigName(String name) {
        for (InterventionKind k : values()) if (k.configName.equals(name)) return k;
        throw new IllegalArgumentException("unknown intervention type '" + name + "'"
                + DidYouMean.hint(name, configNames()) + " (valid: " + String.join(", ", configNames()) + ")");
    }

    private static BoundedFalloff falloff(KindSettings f) {
        if (f == null) return null;
        f.reader().allowOnly(List.of("a", "b", "power"));
        Double a = f.number("a", 0, 1);
        Double b = f.number("b", 0, 1);
        Double p = f.number("power", 0, 1000);
        return a == null || b == null || p == null ? null : new BoundedFalloff(a, b, p);
    }

    private static LinearMapper mapper(KindSettings m) {
        if (m == null) return null;
        m.reader().allowOnly(List.of("a", "b"));
        Double a = m.number("a", 0, 1);
        Double b = m.number("b", 0, 1);
        if (a == null || b == null) return null;
        if (!(a < b)) {
            m.problem("b", "the mapper needs a < b, but got a = " + a + ", b = " + b);
            return null;
        }
        return new LinearMapper(a, b);
    }
}
