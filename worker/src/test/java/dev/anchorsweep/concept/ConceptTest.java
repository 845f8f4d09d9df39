package dev.anchorsweep.concept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.color.Rgb;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConceptTest {

    private static final Concept RED = new Concept("red", Measure.REDNESS, 8, 0.08);

    @Test
    void labelProbabilities() {
        assertEquals(0.08, RED.labelProbability(new Rgb(1, 0, 0)), 1e-17);
        assertEquals(0.008009033203125, RED.labelProbability(new Rgb(1, 0.5, 0)), 1e-17); // 0.75^8 · 0.08
        assertEquals(0, RED.labelProbability(new Rgb(1, 1, 1)));
        assertEquals(0, RED.labelProbability(new Rgb(0, 1, 1)));
        // 0^0 = 1: power 0 labels everything with probability scale
        assertEquals(0.5, new Concept("all", Measure.REDNESS, 0, 0.5).labelProbability(new Rgb(0, 0, 0)));
    }

    @Test
    void exactLabelsMarkOnlyPureRed() {
        assertTrue(RED.exactLabel(new Rgb(1, 0, 0)));
        assertFalse(RED.exactLabel(new Rgb(1, 0, 1.0 / 16)));
        long labelled = ColorSets.validation().colors().stream().filter(RED::exactLabel).count();
        assertEquals(1, labelled);
        assertEquals(Optional.of(new Rgb(1, 0, 0)), RED.prototype());
        assertEquals(Optional.empty(), new Concept("vibrant", Measure.VIBRANCY, 10, 0.01).prototype());
    }

    @Test
    void expectedLabels() {
        // corners: (1,0,0) → 0.08; (1,1,0) and (1,0,1) have redness ½ → 0.08/256; the rest 0
        assertEquals(1000 * 0.08 * (1 + 2.0 / 256) / 8, RED.expectedLabels(ColorSets.trainingGrid(2), 1000), 1e-12);
        // spec §1: ≈ 86 red labels per 1501 × 64 run; numpy gives 86.36965725528707
        assertEquals(86.36965725528707, RED.expectedLabels(ColorSets.rgbGrid(), 1501L * 64), 1e-9);
    }

    @Test
    void rejectsInvalidParameters() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Concept("red", Measure.REDNESS, -1, 0.08));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Concept("red", Measure.REDNESS, 8, 1.5));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Concept(" ", Measure.REDNESS, 8, 0.08));
        assertThrows(IllegalArgumentException.class, () -> new Concept("red", null, 8, 0.08));
        assertThrows(IllegalArgumentException.class, () -> new Concept("red", Measure.REDNESS, Double.NaN, 0.08));
    }
}
