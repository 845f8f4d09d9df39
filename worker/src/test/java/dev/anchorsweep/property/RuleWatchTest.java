package dev.anchorsweep.property;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rule conditions on hand-made metric sequences: checks at steps 100, 200, … */
class RuleWatchTest {

    static List<Integer> firings(Condition when, boolean once, double... values) {
        RuleWatch watch = new RuleWatch(new ReactiveRule("r", "lr", when, new Goal.Factor(0.5), 10, once), values.length);
        List<Integer> fired = new ArrayList<>();
        for (int i = 0; i < values.length; i++) if (watch.check(100 * (i + 1), values[i])) fired.add(100 * (i + 1));
        return fired;
    }

    @Test
    void below() {
        assertEquals(List.of(300), firings(new Condition.Below("validation.recon", 0.5), true, 0.9, 0.6, 0.4, 0.3, 0.6));
        assertEquals(List.of(300, 400), firings(new Condition.Below("validation.recon", 0.5), false, 0.9, 0.6, 0.4, 0.3, 0.6));
        assertEquals(List.of(), firings(new Condition.Below("validation.recon", 0.5), true, 0.9, 0.5, Double.NaN));
    }

    @Test
    void above() {
        assertEquals(List.of(200), firings(new Condition.Above("loss.total", 1), true, 0.5, 1.5, 2, 0.1));
        assertEquals(List.of(200, 300), firings(new Condition.Above("loss.total", 1), false, 0.5, 1.5, 2, 0.1));
    }

    @Test
    void stalledComparesTheBestOfTheLastStepsWithTheBestBefore() {
        Condition stalled = new Condition.Stalled("loss.recon", 300, 0.1);
        // 400: best ≤ 100 is 1.0, best of (100, 400] 0.68: improved 32 % → no; 500: 0.8 vs 0.67 (16 %) → no;
        // 600: 0.7 vs 0.66 (5.7 % < 10 %) → fires; before 400 no check lies 300 steps back
        assertEquals(List.of(600), firings(stalled, true, 1.0, 0.8, 0.7, 0.68, 0.67, 0.66, 0.66, 0.66, 0.66, 0.66));
        // not once: after firing, the window starts again, so the next firing needs 300 more steps (at 1000)
        assertEquals(List.of(600, 1000), firings(stalled, false, 1.0, 0.8, 0.7, 0.68, 0.67, 0.66, 0.66, 0.66, 0.66, 0.66));
        // a steady 20 % fall per check never stalls
        assertEquals(List.of(), firings(stalled, true, 1, 0.8, 0.64, 0.512, 0.41, 0.328, 0.262));
    }
}
