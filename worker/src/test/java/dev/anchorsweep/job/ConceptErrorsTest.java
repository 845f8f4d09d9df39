package dev.anchorsweep.job;

import com.typesafe.config.ConfigFactory;
import dev.anchorsweep.color.ColorSet;
import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.config.RunConfigParser;
import dev.anchorsweep.evaluation.ColorEvaluation;
import dev.anchorsweep.evaluation.RunEvaluation;
import dev.anchorsweep.run.RunSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary's two numbers per run, on hand-made errors of the 17 named colours. */
class ConceptErrorsTest {

    /** Named colour i gets error (i + 1) / 100 under baseline and (i + 1) / 10 under ablate. */
    static RunEvaluation evaluation(boolean withSimilarity) {
        ColorSet named = ColorSets.named();
        List<ColorEvaluation> colors = new ArrayList<>();
        for (String intervention : List.of("baseline", "ablate")) {
            double scale = intervention.equals("baseline") ? 100 : 10;
            for (int i = 0; i < named.size(); i++) {
                colors.add(new ColorEvaluation(intervention, "named", i, named.nameOf(i), named.color(i),
                        named.color(i).toArray(), (i + 1) / scale, withSimilarity ? (i == 0 ? 1.0 : 0.0) : null));
            }
        }
        return new RunEvaluation(colors, List.of(), Map.of(), 0);
    }

    static RunSpec spec(String label) {
        return new RunConfigParser(null).parse(ConfigFactory.parseString("""
                model { latent-dim = 4, layers = 1 }
                concepts.c { label = "%s", power = 8, scale = 0.008 }
                interventions.ablate { type = ablation, dims = [0, 1] }
                """.formatted(label)).resolve().root(), "run");
    }

    @Test
    void aVibrancyConceptIsTheMedianOfTheTwelveHuesAgainstTheWorstGrey() {
        ColorSet named = ColorSets.named();
        List<Double> hues = new ArrayList<>(), greys = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            double[] c = named.color(i).toArray();
            double chroma = Math.max(c[0], Math.max(c[1], c[2])) - Math.min(c[0], Math.min(c[1], c[2]));
            (chroma == 1 ? hues : greys).add((i + 1) / 10.0);
        }
        assertEquals(12, hues.size());
        assertEquals(5, greys.size());
        hues.sort(null);
        ConceptErrors e = ConceptErrors.of(spec("vibrancy"), evaluation(false), 0.001);
        assertTrue(e.group());
        assertEquals("hues", e.conceptLabel());
        assertEquals("achromatic", e.otherLabel());
        assertEquals((hues.get(5) + hues.get(6)) / 2, e.concept().get("ablate"), 1e-15);
        assertEquals(greys.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), e.other().get("ablate"), 1e-15);
        assertEquals(0.001, e.valRecon());

        ConceptErrors d = ConceptErrors.of(spec("desaturation"), evaluation(false), null);
        assertEquals("achromatic", d.conceptLabel());
        assertEquals("hues", d.otherLabel());
        assertEquals(greys.stream().sorted().toList().get(2), d.concept().get("ablate"), 1e-15, "median of 5 greys");
        assertEquals(hues.get(11), d.other().get("ablate"), 1e-15);
    }

    @Test
    void aColourConceptIsItsColourAgainstTheOppositeHue() {
        ConceptErrors e = ConceptErrors.of(spec("primary(red)"), evaluation(true), null);
        assertFalse(e.group());
        assertEquals("red", e.conceptLabel());
        assertEquals("cyan", e.otherLabel());
        assertEquals(0.1, e.concept().get("ablate"), 1e-15);
        int cyan = ColorSets.named().names().indexOf("cyan");
        assertEquals((cyan + 1) / 10.0, e.other().get("ablate"), 1e-15);
    }

    @Test
    void aRunWithoutNamedColoursKeepsOnlyItsValRecon() {
        ConceptErrors e = ConceptErrors.of(spec("vibrancy"), new RunEvaluation(List.of(), List.of(), Map.of(), 0), 0.5);
        assertEquals(null, e.conceptLabel());
        assertTrue(e.concept().isEmpty());
        assertEquals(0.5, e.valRecon());
    }
}
