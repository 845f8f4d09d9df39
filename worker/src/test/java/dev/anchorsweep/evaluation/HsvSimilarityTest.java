package dev.anchorsweep.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.anchorsweep.color.Hsv;
import org.junit.jupiter.api.Test;

class HsvSimilarityTest {

    private static final Hsv RED = new Hsv(0, 1, 1);

    @Test
    void vibrantHues() {
        assertEquals(1, HsvSimilarity.similarity(RED, RED));
        assertEquals(0, HsvSimilarity.similarity(new Hsv(0.5, 1, 1), RED));           // cyan: 180°
        assertEquals(2.0 / 3, HsvSimilarity.similarity(new Hsv(1.0 / 12, 1, 1), RED), 1e-15); // orange: 30°
        assertEquals(2.0 / 3, HsvSimilarity.similarity(new Hsv(11.0 / 12, 1, 1), RED), 1e-15); // pink: 30° the other way
        assertEquals(0, HsvSimilarity.similarity(new Hsv(0.25, 1, 1), RED));         // lime: 90°
    }

    @Test
    void greysAndMutedColours() {
        // grey: hue weight r = ½ but saturation differs by 1 → 0
        assertEquals(0, HsvSimilarity.similarity(new Hsv(0, 0, 0.5), RED));
        // light red (1, ½, ½): r = ¾, hue_sim 1 → (¾ + ¼)·(1 − ½)·1
        assertEquals(0.5, HsvSimilarity.similarity(new Hsv(0, 0.5, 1), RED), 1e-15);
        // h 60°, s = v = ½: hue_sim ⅓, r = (¼ + 1)/2 = ⅝ → (⅝·⅓ + ⅜)·½·½ = 7/48
        assertEquals(7.0 / 48, HsvSimilarity.similarity(new Hsv(1.0 / 6, 0.5, 0.5), RED), 1e-15);
    }
}
