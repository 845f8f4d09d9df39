package dev.anchorsweep.config;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import dev.anchorsweep.intervention.Repulsion;
import dev.anchorsweep.regularizer.Regularizer;
import dev.anchorsweep.run.InterventionSpec;
import dev.anchorsweep.run.LatentInterventionSpec;
import dev.anchorsweep.run.RunSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kinds of regularizer and intervention: the registries, reference.conf's defaults and the built values agree. */
class KindRegistryTest {

    @Test
    void referenceConfHasDefaultsForExactlyTheRegisteredKindsAndOnlyTheirSettings() {
        ConfigObject regularizers = (ConfigObject) KindDefaults.all().get(KindDefaults.REGULARIZERS);
        assertEquals(Set.copyOf(RegularizerKind.configNames()), regularizers.keySet());
        for (RegularizerKind kind : RegularizerKind.values()) {
            Set<String> keys = KindDefaults.of(KindDefaults.REGULARIZERS, kind.configName()).keySet();
            assertTrue(kind.settings().containsAll(keys), kind + " has defaults " + keys + " for settings "
                    + kind.settings());
        }
        ConfigObject interventions = (ConfigObject) KindDefaults.all().get(KindDefaults.INTERVENTIONS);
        assertEquals(Set.copyOf(InterventionKind.configNames()), interventions.keySet());
        for (InterventionKind kind : InterventionKind.values()) {
            Set<String> keys = new HashSet<>(KindDefaults.of(KindDefaults.INTERVENTIONS, kind.configName()).keySet());
            assertTrue(keys.remove("score"), kind + " needs a default score power");
            assertTrue(kind.settings().containsAll(keys), kind + " has defaults " + keys + " for settings "
                    + kind.settings());
        }
    }

    /** One entry of every kind, only its required settings given: each builds, under the kind's own name. */
    @Test
    void everyKindBuildsWhatItIsNamedFor() {
        RunSpec spec = spec("""
                model.latent-dim = 4
                concepts.red { label = "primary(red)", power = 8, scale = 0.08 }
                regularizers {
                  separate { type = separate, weight = 1 }
                  anchor { type = anchor, direction = [1, 0, 0, 0], weight = 1 }
                  anti-anchor { type = anti-anchor, direction = [-1, 0, 0, 0], weight = 1 }
                  subspace { type = subspace, dims = [0], weight = 1 }
                  anti-subspace { type = anti-subspace, dims = [1], weight = 1 }
                  planarity { type = planarity, weight = 1 }
                  unitarity { type = unitarity, weight = 1 }
                  euclidean-anchor { type = euclidean-anchor, point = [0, 0, 0, 0], weight = 1 }
                  euclidean-separate { type = euclidean-separate, weight = 1 }
                  captured-anchor { type = captured-anchor, colors { type = hsv, hues = [0, 120, 240] }, capture-step = 0, weight = 1 }
                }
                interventions {
                  suppression { type = suppression, direction = [1, 0, 0, 0] }
                  repulsion { type = repulsion, direction = [1, 0, 0, 0], score.against = red }
                  ablation { type = ablation, dims = [0], score.against = red }
                  pruning { type = pruning, dims = [0] }
                }
                """);
        List<String> built = new ArrayList<>();
        for (var r : spec.regularizers()) {
            Regularizer regularizer = r.regularizer();
            assertEquals(r.name(), regularizer.kind());
            built.add(r.name());
        }
        assertEquals(RegularizerKind.configNames().stream().sorted().toList(), built.stream().sorted().toList());
        for (InterventionSpec i : spec.interventions()) assertEquals(i.name(), i.configured().kind());
        assertEquals(InterventionKind.configNames().stream().sorted().toList(),
                spec.interventions().stream().map(InterventionSpec::name).sorted().toList());
        assertEquals(2.0, spec.intervention("repulsion").orElseThrow().score().power());
        assertEquals(3.0, spec.intervention("ablation").orElseThrow().score().power());
    }

    @Test
    void theDefaultRepulsionTargetIsExactlyCos89Degrees() {
        RunSpec spec = spec("interventions.repel { type = repulsion, direction = [1, 0, 0, 0] }");
        Repulsion repulsion = (Repulsion) ((LatentInterventionSpec) spec.interventions().get(0)).intervention();
        assertEquals(Math.cos(Math.toRadians(89)), repulsion.mapper().b());
        assertEquals(0, repulsion.mapper().a());
    }

    @Test
    void anUnknownKindListsEveryValidOne() {
        var e = assertThrows(InvalidConfigException.class, () -> spec("""
                regularizers.x { type = anti-ancor, weight = 1 }
                interventions.y { type = ablate, dims = [0] }
                """));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals("'anti-ancor' is not valid; did you mean 'anti-anchor'? (valid: "
                + String.join(", ", RegularizerKind.configNames()) + ")", e.problems().get(0).message());
        assertEquals("run.regularizers.x.type", e.problems().get(0).path());
        assertTrue(e.problems().get(1).message().contains("(valid: suppression, repulsion, ablation, pruning)"),
                e.problems().get(1).message());
    }

    @Test
    void aSettingOfAnotherKindIsRefusedWithTheKindsOwnSettings() {
        var e = assertThrows(InvalidConfigException.class,
                () -> spec("regularizers.a { type = anchor, direction = [1, 0, 0, 0], hemi = true, weight = 1 }"));
        assertEquals("run.regularizers.a.hemi", e.problems().get(0).path());
        assertTrue(e.problems().get(0).message().contains("(valid here: concept, direction, type, weight)"),
                e.problems().get(0).message());
    }

    private static RunSpec spec(String run) {
        return new RunConfigParser(null).parse(ConfigFactory.parseString(run).resolve().root(), "run");
    }
}
