package dev.anchorsweep.analysis.adaptive;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The adaptive_arms rows replay the rounds over committed outcomes: final decisions, or none while rounds remain. */
class AdaptiveArmsViewTest {

    static TreeMap<Integer, Double> runs(double... values) {
        TreeMap<Integer, Double> out = new TreeMap<>();
        for (int i = 0; i < values.length; i++) out.put(i, Double.isNaN(values[i]) ? null : values[i]);
        return out;
    }

    static final SeedRule RULE = new SeedRule(2, 2, 6, 0.05, SeedMetric.parse("score"), 0.95, 2000, false);

    @Test
    void aFinishedSweepShowsWhyEachArmStopped() {
        // narrow: equal scores, stops by width after round 1 (2 seeds); wide: goes on to max (6 seeds, one failed)
        ArmSamples samples = new ArmSamples(Map.of("narrow", runs(0.9, 0.9),
                "wide", runs(0.1, 0.9, 0.5, Double.NaN, 0.2, 0.8)));
        List<Row> rows = AdaptiveArmsView.rows("s", RULE, samples);
        assertEquals(List.of("s", "narrow", "score", 2, 2, 0.9, 0.9, 0.9, 0.0, "width"), fields(rows.get(0)));
        MedianInterval wide = MedianInterval.of(new double[]{0.1, 0.9, 0.5, 0.2, 0.8}, 0.95, 2000);
        assertEquals(List.of("s", "wide", "score", 6, 5, wide.median(), wide.low(), wide.high(), wide.width(), "max"),
                fields(rows.get(1)));
    }

    @Test
    void aSweepWithRoundsLeftHasNoDecisionYet() {
        // round 2 of 'wide' is half committed (seed 2 only): its runs so far, no reason to stop
        ArmSamples samples = new ArmSamples(Map.of("narrow", runs(0.9, 0.9), "wide", runs(0.1, 0.9, 0.5)));
        List<Row> rows = AdaptiveArmsView.rows("s", RULE, samples);
        assertEquals("width", rows.get(0).getString(9));
        assertEquals(3, rows.get(1).getInt(3));
        assertEquals(0.5, rows.get(1).getDouble(5));
        assertNull(rows.get(1).get(9));
    }

    static List<Object> fields(Row row) {
        List<Object> out = new java.util.ArrayList<>();
        for (int i = 0; i < row.length(); i++) out.add(row.get(i));
        return out;
    }
}
