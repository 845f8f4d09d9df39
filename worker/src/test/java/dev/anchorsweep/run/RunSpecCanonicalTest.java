package dev.anchorsweep.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import dev.anchorsweep.config.RunConfigParser;
import dev.anchorsweep.reproduction.PaperConfigs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The canonical text of a run spec is built from explicit setting names, not from the code's record components: the
 * text of one paper run is pinned here, so renaming a component (or any other change of the form) fails this test.
 */
class RunSpecCanonicalTest {

    /** configs/paper/runs/ex-2.9.1.conf, seed 0, as the README's "Run ids" section shows it. */
    static final String ISOLATED_SEED_0 = "{\"concepts\":{\"red\":{\"label\":\"primary(red)\",\"power\":8,\"scale\":0.08}},"
            + "\"evaluation\":{\"latents\":{\"interventions\":[],\"set\":\"latent-cube\",\"steps\":[1501]},"
            + "\"selection\":{\"intervention\":\"ablate\",\"minimize\":[\"recon\",\"anchor\",\"anti-anchor\"]},"
            + "\"sets\":[\"named\",\"hue-slice\",\"hue-ring\",\"rgb-grid\"]},"
            + "\"interventions\":{"
            + "\"ablate\":{\"dims\":[0],\"score\":{\"against\":{\"h\":0,\"s\":1,\"v\":1},\"power\":3},\"type\":\"ablation\"},"
            + "\"repel\":{\"direction\":[1,0,0,0,0],\"mapper\":{\"a\":0,\"b\":0.0174524064372836},"
            + "\"score\":{\"against\":{\"h\":0,\"s\":1,\"v\":1},\"power\":2},\"type\":\"repulsion\"},"
            + "\"suppress\":{\"direction\":[1,0,0,0,0],\"falloff\":{\"a\":0,\"b\":1,\"power\":0},"
            + "\"score\":{\"against\":{\"h\":0,\"s\":1,\"v\":1},\"power\":2},\"type\":\"suppression\"}},"
            + "\"model\":{\"bottleneck\":\"normalize\",\"hidden-width\":16,\"latent-dim\":5,\"layers\":2,\"output\":\"linear\"},"
            + "\"regularizers\":{"
            + "\"anchor\":{\"concept\":\"red\",\"direction\":[1,0,0,0,0],\"type\":\"anchor\","
            + "\"weight\":{\"interpolation\":\"min-jerk\",\"keys\":[[0,0],[248,0.1],[750,0.1],[1425,0]]}},"
            + "\"anti-anchor\":{\"concept\":null,\"direction\":[-1,0,0,0,0],\"hemi\":true,\"type\":\"anti-anchor\","
            + "\"weight\":{\"interpolation\":\"min-jerk\",\"keys\":[[0,0],[248,0.05],[1425,0]]}},"
            + "\"anti-subspace\":{\"concept\":null,\"dims\":[0],\"type\":\"anti-subspace\","
            + "\"weight\":{\"interpolation\":\"min-jerk\",\"keys\":[[0,0.25],[750,0.003],[1425,0]]}},"
            + "\"separate\":{\"concept\":null,\"power\":100,\"shift\":true,\"type\":\"separate\","
            + "\"weight\":{\"interpolation\":\"min-jerk\",\"keys\":[[248,0.01],[750,0.001],[1425,0]]}}},"
            + "\"seed\":0,"
            + "\"training\":{\"batch-size\":64,\"grid\":8,\"history-every\":10,"
            + "\"lr\":{\"interpolation\":\"min-jerk\",\"keys\":[[0,1e-8],[10,0.01],[750,0.1],[1425,0.1],[1500,0.05]]},"
            + "\"steps\":1501,\"validate-every\":150}}";

    @Test
    void theCanonicalTextOfAPaperRunIsPinned() {
        assertEquals(ISOLATED_SEED_0, PaperConfigs.run("ex-2.9.1", 0).canonical());
    }

    @Test
    void theCanonicalTextIsJsonWithTheConfigsSettingNames() {
        Config json = ConfigFactory.parseString(PaperConfigs.run("ex-2.9.1", 3).canonical(),
                ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
        assertEquals(3, json.getInt("seed"));
        assertEquals(List.of(-1, 0, 0, 0, 0), json.getIntList("regularizers.anti-anchor.direction"));
        assertEquals(3, json.getDouble("interventions.ablate.score.power"));
        assertEquals(List.of(0, 1e-8), json.getList("training.lr.keys").get(0).unwrapped());
        assertEquals(5, json.getInt("model.latent-dim"));
    }

    @Test
    void equivalentWaysOfWritingASettingGiveTheSameText() {
        String written = """
                model.latent-dim = 4
                concepts { red { label = "primary(red)", power = 8, scale = 0.08 } }
                regularizers {
                  separate { type = separate, weight = 0.02 }
                  plane { type = planarity, concept = red, dims = [1, 0], weight = [[0, 1], [10, 0]] }
                }
                interventions { cut { type = ablation, dims = [2], score.against = red } }
                """;
        String spelledOut = """
                model { latent-dim = 4, hidden-width = 16 }
                regularizers {
                  plane { type = planarity, concept = red, dims = [0, 1.0], weight { interpolation = min-jerk, keys = [[0, 1], [10, 0]] } }
                  separate { type = separate, power = 100, shift = true, weight = [[0, 0.020]] }
                }
                interventions { cut { type = ablation, dims = [2], score { against = red, power = 3 } } }
                concepts { red { label = "primary(red)", power = 8.0, scale = 0.08 } }
                """;
        assertEquals(spec(written).canonical(), spec(spelledOut).canonical());
        assertNotEquals(spec(written).canonical(), spec(written + "\nregularizers.plane.weight = [[0, 1], [11, 0]]").canonical());
    }

    private static RunSpec spec(String run) {
        return new RunConfigParser(null).parse(ConfigFactory.parseString(run).resolve().root(), "run");
    }
}
