package dev.anchorsweep.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anchorsweep.color.ColorSet;
import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.color.Hsv;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SelectivityScoreTest {

    private static final Hsv RED = new Hsv(0, 1, 1);
    private static final ColorSet GRID = ColorSets.rgbGrid();

    private static double[] similarityPower(double p) {
        return GRID.colors().stream().mapToDouble(c -> Math.pow(HsvSimilarity.similarity(c.toHsv(), RED), p)).toArray();
    }

    @Test
    void errorsProportionalToSimilarityScoreOne() {
        double[] errors = Arrays.stream(similarityPower(2)).map(s -> 0.25 * s + 0.001).toArray();
        assertEquals(1, SelectivityScore.score(GRID, errors, RED, SelectivityScore.SUPPRESSION_POWER), 1e-12);
        double[] cubic = similarityPower(3);
        assertEquals(1, SelectivityScore.score(GRID, cubic, RED, SelectivityScore.ABLATION_POWER), 1e-12);
        assertTrue(SelectivityScore.score(GRID, cubic, RED, 2) < 1 - 1e-6);
    }

    @Test
    void unrelatedErrorsScoreLow() {
        // error only where the colour is cyan-ish (blue-green, no red): anti-correlated but weakly
        double[] errors = GRID.colors().stream().mapToDouble(c -> c.r() == 0 && c.g() == 1 && c.b() == 1 ? 1 : 0).toArray();
        assertTrue(SelectivityScore.score(GRID, errors, RED, 2) < 0.01);
    }

    @Test
    void constantErrorsScoreZero() {
        double[] errors = new double[GRID.size()];
        Arrays.fill(errors, 0.01);
        assertEquals(0, SelectivityScore.score(GRID, errors, RED, 2));
    }

    @Test
    void needsOneErrorPerColour() {
        var e = assertThrows(IllegalArgumentException.class, () -> SelectivityScore.score(GRID, new double[3], RED, 2));
        assertTrue(e.getMessage().contains("512") && e.getMessage().contains("3"), e.getMessage());
    }
}
