package dev.anchorsweep.data;

import dev.anchorsweep.color.Rgb;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The colour sets, their bias and the curriculum measures against values computed by hand from M1-SPEC ("Common to
 * 1.5–1.7") and the reference's {@code ColorCube.from_hsv}, {@code vibrancy}, {@code primary_secondary_focus} and
 * {@code levels}.
 */
class TrainingColorsTest {

    static final double EPS = 1e-12;

    static void assertRgb(double r, double g, double b, Rgb actual) {
        assertEquals(r, actual.r(), EPS, "r of " + actual);
        assertEquals(g, actual.g(), EPS, "g of " + actual);
        assertEquals(b, actual.b(), EPS, "b of " + actual);
    }

    @Test
    void theM1CubeIsHueOutermostValueInnermost() {
        TrainingColors cube = new ColorSpec.HsvCube(36, 10, 10).build(8);
        assertEquals(3600, cube.size());
        assertEquals(36, cube.outer());
        assertEquals(100, cube.inner());
        // index = hue·100 + s·10 + v; s, v = linspace(0, 1, 10) = k/9
        assertRgb(0, 0, 0, cube.color(0));                      // h 0, s 0, v 0: black
        assertRgb(1, 1, 1, cube.color(9));                      // s 0, v 1: white
        assertRgb(1, 0, 0, cube.color(99));                     // s 1, v 1: red
        assertRgb(1, 1.0 / 6, 0, cube.color(199));              // 10°: sector 0, f = 1/6, (v, v(1 − s(1 − f)), 0)
        assertRgb(0, 4.0 / 9, 0, cube.color(12 * 100 + 94));    // 120°, s 1, v 4/9: dark green
        assertRgb(5.0 / 9, 1, 1, cube.color(18 * 100 + 49));    // 180°, s 4/9, v 1: (v(1 − s), v, v)
        assertEquals(10.0 / 360, cube.hue(100), EPS);
        assertEquals(4.0 / 9, cube.saturation(1800 + 49), EPS);
        assertEquals(1.0, cube.value(1800 + 49), EPS);
    }

    @Test
    void biasOfTheM1Cube() {
        TrainingColors cube = new ColorSpec.HsvCube(36, 10, 10).build(8);
        assertEquals(1.0, cube.bias(99), EPS);                   // vibrant: s = v = 1
        assertEquals(1.0 / 36, cube.bias(9), EPS);               // white: 1/n_hues
        for (int s = 0; s < 10; s++) assertEquals(1.0 / 360, cube.bias(s * 10), EPS); // black: 1/(n_s·n_h)
        // s = 5/9, v = 1/3: (1/360)(2/3) + (1/36)(4/9)(1/3) + (5/9)(1/3) = 0.0018519 + 0.0041152 + 0.1851852
        assertEquals(0.19115226337448560, cube.bias(7 * 100 + 53), EPS);
        // the bias depends on s and v only
        for (int h = 0; h < 36; h++) assertEquals(cube.bias(53), cube.bias(h * 100 + 53));
        TrainingColors grid = new ColorSpec.RgbGrid(4).build(8);
        assertEquals(64, grid.size());
        for (int i = 0; i < 64; i++) assertEquals(1.0, grid.bias(i));
    }

    @Test
    void theStepped13Sets() {
        List<Double> every30 = new java.util.ArrayList<>(), every1 = new java.util.ArrayList<>();
        for (int d = 0; d < 360; d += 30) every30.add((double) d);
        for (int d = 0; d < 360; d++) every1.add((double) d);
        assertEquals(12, new ColorSpec.HsvAxes(every30, List.of(1.0), List.of(1.0)).build(8).size());
        TrainingColors darker = new ColorSpec.HsvAxes(every1, List.of(1.0), List.of(0.9, 1.0)).build(8);
        assertEquals(720, darker.size());
        assertRgb(0.9, 0.45, 0, darker.color(30 * 2));          // 30°, v 0.9: (v, v/2, 0)
        assertRgb(0, 0, 1, darker.color(240 * 2 + 1));          // 240°, v 1: blue
        // 360 hues × 1 saturation: (1/360)(1 − 0.9) + 0 + 1·0.9
        assertEquals(0.9 + 0.1 / 360, darker.bias(0), EPS);
        TrainingColors grid = new ColorSpec.TrainingGrid().build(8);
        assertEquals(512, grid.size());
        assertRgb(1.0 / 7, 0, 6.0 / 7, grid.color(64 + 6));     // r outermost, b innermost
    }

    @Test
    void vibrancyIsSTimesVOfTheRgb() {
        TrainingColors grid = new ColorSpec.RgbGrid(5).build(8);
        // (0.5, 0.25, 0.25): v = 0.5, s = 0.25/0.5 = 0.5 → 0.25
        int i = 2 * 25 + 1 * 5 + 1;
        assertRgb(0.5, 0.25, 0.25, grid.color(i));
        assertEquals(0.25, ColorMeasure.VIBRANCY.of(grid, i), EPS);
        assertEquals(1.0, ColorMeasure.VIBRANCY.of(grid, 4 * 25), EPS);       // red
        assertEquals(0.0, ColorMeasure.VIBRANCY.of(grid, 2 * 25 + 2 * 5 + 2), EPS); // grey
        assertEquals(0.5, ColorMeasure.SATURATION.of(grid, i), EPS);
        assertEquals(0.5, ColorMeasure.VALUE.of(grid, i), EPS);
        assertEquals(0.0, ColorMeasure.HUE.of(grid, i), EPS);
    }

    @Test
    void focusAtSpotHues() {
        assertEquals(1.0, ColorMeasure.focus(0), EPS);
        assertEquals(0.75, ColorMeasure.focus(10.0 / 360), EPS);   // (cos(π/3) + 1)/2
        assertEquals(0.5, ColorMeasure.focus(15.0 / 360), EPS);    // (cos(π/2) + 1)/2
        assertEquals(0.0, ColorMeasure.focus(30.0 / 360), EPS);    // (cos(π) + 1)/2
        assertEquals(0.5, ColorMeasure.focus(45.0 / 360), EPS);
        assertEquals(1.0, ColorMeasure.focus(60.0 / 360), EPS);
        assertEquals(0.75, ColorMeasure.focus(350.0 / 360), EPS);
        TrainingColors cube = new ColorSpec.HsvCube(36, 10, 10).build(8);
        assertEquals(0.0, ColorMeasure.PRIMARY_SECONDARY_FOCUS.of(cube, 3 * 100 + 55), EPS); // 30°
    }

    @Test
    void levelsAtTheFractionsOfTheMapping() {
        Levels zero = Levels.ofFraction(0);          // in_low 0.99, out_low 0: only x ≥ 0.99
        assertEquals(0.99, zero.inLow(), EPS);
        assertEquals(0.0, zero.outLow(), EPS);
        assertEquals(1.0, zero.apply(1), EPS);
        assertEquals(0.5, zero.apply(0.995), 1e-9);
        assertEquals(0.0, zero.apply(0.98), EPS);
        Levels quarter = Levels.ofFraction(0.25);    // in_low 0.495, out_low 0
        assertEquals(0.495, quarter.inLow(), EPS);
        assertEquals(0.0, quarter.outLow(), EPS);
        assertEquals(0.5, quarter.apply(0.7475), 1e-9);
        assertEquals(0.0, quarter.apply(0.4), EPS);
        Levels half = Levels.ofFraction(0.5);        // identity
        assertEquals(0.0, half.inLow(), EPS);
        assertEquals(0.3, half.apply(0.3), EPS);
        Levels threeQuarters = Levels.ofFraction(0.75); // in_low 0, out_low 0.5
        assertEquals(0.5, threeQuarters.outLow(), EPS);
        assertEquals(0.65, threeQuarters.apply(0.3), EPS);
        Levels one = Levels.ofFraction(1);           // 1 everywhere
        assertEquals(1.0, one.apply(0), EPS);
        assertEquals(1.0, one.apply(0.4), EPS);
        // outside [0, 1] the ends hold (numpy.interp)
        assertEquals(zero, Levels.ofFraction(-2));
        assertEquals(one, Levels.ofFraction(3));
        // in_low within 1e-10 of 1: the constant (out_low + 1)/2
        assertEquals(0.5, new Levels(1, 0).apply(0.2), EPS);
    }
}
