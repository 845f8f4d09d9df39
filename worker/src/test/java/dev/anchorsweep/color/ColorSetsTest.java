package dev.anchorsweep.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColorSetsTest {

    private static final double TOL = 1e-12;

    static void assertRgb(double r, double g, double b, Rgb actual) {
        assertEquals(r, actual.r(), TOL, () -> "r of " + actual);
        assertEquals(g, actual.g(), TOL, () -> "g of " + actual);
        assertEquals(b, actual.b(), TOL, () -> "b of " + actual);
    }

    @Test
    void setSizes() {
        assertEquals(512, ColorSets.trainingGrid(8).size());
        assertEquals(512, ColorSets.rgbGrid().size());
        assertEquals(351, ColorSets.validation().size());
        assertEquals(17, ColorSets.named().size());
        assertEquals(240, ColorSets.hueSlice().size());
        assertEquals(8000, ColorSets.latentCube().size());
        assertEquals(27, ColorSets.latentCube(3).size());
        assertEquals(150 * 24 * 24, ColorSets.lossCube().size());
    }

    @Test
    void trainingGridIsRedOutermostBlueInnermost() {
        ColorSet grid = ColorSets.trainingGrid(8);
        assertEquals("training-grid", grid.name());
        assertRgb(0, 0, 0, grid.color(0));
        assertRgb(0, 0, 1.0 / 7, grid.color(1));
        assertRgb(0, 1.0 / 7, 0, grid.color(8));
        assertRgb(1.0 / 7, 0, 0, grid.color(64));
        assertRgb(1, 1, 1, grid.color(511));
        assertNull(grid.nameOf(3));
    }

    @Test
    void rgbGridHasTheTrainingColours() {
        assertEquals("rgb-grid", ColorSets.rgbGrid().name());
        assertEquals(ColorSets.trainingGrid(8).colors(), ColorSets.rgbGrid().colors());
    }

    @Test
    void validationIsCellCentresThenCorners() {
        ColorSet v = ColorSets.validation();
        assertRgb(1.0 / 16, 1.0 / 16, 1.0 / 16, v.color(0));
        // linspace(1/16, 15/16, 7) steps by (14/16)/6 = 7/48
        assertRgb(1.0 / 16, 1.0 / 16, 10.0 / 48, v.color(1));
        assertRgb(10.0 / 48, 1.0 / 16, 1.0 / 16, v.color(49));
        assertRgb(15.0 / 16, 15.0 / 16, 15.0 / 16, v.color(342));
        assertRgb(0, 0, 0, v.color(343));
        assertRgb(0, 0, 1, v.color(344));
        assertRgb(0, 1, 1, v.color(346));
        assertRgb(1, 0, 0, v.color(347));
        assertRgb(1, 1, 1, v.color(350));
    }

    @Test
    void namedColoursHaveTheirNamesAndRgbValues() {
        ColorSet named = ColorSets.named();
        List<String> names = List.of("red", "orange", "yellow", "lime", "green", "teal", "cyan", "azure", "blue",
                "purple", "magenta", "pink", "black", "dark-gray", "gray", "light-gray", "white");
        assertEquals(names, named.names());
        double[][] rgb = {
            {1, 0, 0}, {1, .5, 0}, {1, 1, 0}, {.5, 1, 0}, {0, 1, 0}, {0, 1, .5}, {0, 1, 1}, {0, .5, 1}, {0, 0, 1},
            {.5, 0, 1}, {1, 0, 1}, {1, 0, .5}, {0, 0, 0}, {.25, .25, .25}, {.5, .5, .5}, {.75, .75, .75}, {1, 1, 1}
        };
        for (int i = 0; i < rgb.length; i++) assertRgb(rgb[i][0], rgb[i][1], rgb[i][2], named.color(i));
    }

    @Test
    void hueSliceIsHueOutermostValueInnermost() {
        ColorSet slice = ColorSets.hueSlice();
        assertEquals("hue-slice", slice.name());
        // index = 20·h + 5·s + v for h ∈ 0..11, s ∈ 0..3 (0, 1/3, 2/3, 1), v ∈ 0..4 (0, .25, .5, .75, 1)
        assertRgb(0, 0, 0, slice.color(0));
        assertRgb(1, 1, 1, slice.color(4));
        assertRgb(1, 0, 0, slice.color(19));
        assertRgb(1, .5, 0, slice.color(39));
        assertRgb(0, .5, .5, slice.color(6 * 20 + 3 * 5 + 2));
        assertRgb(1.0 / 3, 1, 2.0 / 3, slice.color(5 * 20 + 2 * 5 + 4)); // h 150°, s 2/3, v 1
        assertRgb(1, 0, .5, slice.color(239));
    }

    @Test
    void latentAndLossCubeMembers() {
        assertRgb(0, 0, 1.0 / 19, ColorSets.latentCube().color(1));
        ColorSet loss = ColorSets.lossCube();
        assertRgb(0, 0, 0, loss.color(0));
        assertRgb(1, 0, .5, loss.color(575));     // h = −1/12 mod 1 = 330°, s = v = 1
        assertRgb(1, .5, 0, loss.color(86_399));  // h = 1 + 1/12 mod 1 = 30°, s = v = 1
    }

    @Test
    void byNameFindsEverySetAndRejectsOthers() {
        for (String name : ColorSets.NAMES) assertEquals(name, ColorSets.byName(name).name());
        assertEquals(512, ColorSets.byName("training-grid").size());
        var e = assertThrows(IllegalArgumentException.class, () -> ColorSets.byName("rainbow"));
        assertTrue(e.getMessage().contains("'rainbow'"), e.getMessage());
        assertTrue(e.getMessage().contains(String.join(", ", ColorSets.NAMES)), e.getMessage());
    }

    @Test
    void colorSetChecksItsNames() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new ColorSet("x", List.of(new Rgb(0, 0, 0)), Arrays.asList("a", "b")));
        assertTrue(e.getMessage().contains("2 names for 1 colours"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColorSets.trainingGrid(1));
    }
}
