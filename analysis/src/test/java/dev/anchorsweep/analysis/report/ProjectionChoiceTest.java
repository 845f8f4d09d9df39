package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.chart.Projection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProjectionChoiceTest {

    @Test
    void theConceptDimAgainstTheMostVaryingOtherThenTheTwoMostVaryingOthers() {
        assertEquals(List.of(new Projection(0, 3), new Projection(1, 3)),
                ProjectionChoice.choose(0, new double[] {0.1, 0.2, 0.05, 0.4, 0.01}));
        assertEquals(List.of(new Projection(2, 0), new Projection(0, 1)),
                ProjectionChoice.choose(2, new double[] {0.3, 0.2, 0.1}));
        assertEquals(List.of(new Projection(0, 1)), ProjectionChoice.choose(0, new double[] {0.3, 0.2}));
        assertEquals(List.of(), ProjectionChoice.choose(0, new double[] {0.3}));
        assertThrows(IllegalArgumentException.class, () -> new Projection(1, 1));
    }

    @Test
    void threeViewsAreTheConceptDimAgainstTheThreeMostVaryingOthers() {
        // variances of dims 1..4: 0.2, 0.05, 0.4, 0.01 → the three largest are dims 3, 1, 2; in dim order
        assertEquals(List.of(new Projection(0, 1), new Projection(0, 2), new Projection(0, 3)),
                ProjectionChoice.three(0, new double[] {0.1, 0.2, 0.05, 0.4, 0.01}));
        // K = 3, concept dim 1: dims 0 and 2 against it, then against each other
        assertEquals(List.of(new Projection(1, 0), new Projection(1, 2), new Projection(0, 2)),
                ProjectionChoice.three(1, new double[] {0.3, 0.2, 0.1}));
        assertEquals(List.of(new Projection(0, 1)), ProjectionChoice.three(0, new double[] {0.3, 0.2}));
        assertEquals(List.of(), ProjectionChoice.three(0, new double[] {0.3}));
    }

    @Test
    void armLabelsDropTheRegularizerAxisName() {
        assertEquals("anchor + separate", ArmLabel.shortName("regularizers=anchor+separate"));
        assertEquals("isolated, anchor, model.latent-dim=5",
                ArmLabel.shortName("isolated, regularizers=anchor, model.latent-dim=5"));
        assertEquals("base", ArmLabel.shortName("base"));
    }
}
