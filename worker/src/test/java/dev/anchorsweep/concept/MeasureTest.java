package dev.anchorsweep.concept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.color.Rgb;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeasureTest {

    @Test
    void primariesPeakAtTheirColour() {
        assertEquals(1, Measure.REDNESS.of(new Rgb(1, 0, 0)));
        assertEquals(0.75, Measure.REDNESS.of(new Rgb(1, 0.5, 0)));
        assertEquals(0, Measure.REDNESS.of(new Rgb(1, 1, 1)));
        assertEquals(0.5, Measure.REDNESS.of(new Rgb(1, 1, 0)));
        assertEquals(1, Measure.GREENNESS.of(new Rgb(0, 1, 0)));
        assertEquals(0.4 * (1 - 0.1 - 0.3), Measure.GREENNESS.of(new Rgb(0.2, 0.4, 0.6)), 1e-15);
        assertEquals(0.5, Measure.BLUENESS.of(new Rgb(0.5, 0.5, 1)));
    }

    @Test
    void vibrancyIsSaturationTimesValue() {
        assertEquals(1, Measure.VIBRANCY.of(new Rgb(1, 0.5, 0)));
        assertEquals(0.4, Measure.VIBRANCY.of(new Rgb(0.2, 0.6, 0.4)), 1e-15);
        assertEquals(0.6, Measure.DESATURATION.of(new Rgb(0.2, 0.6, 0.4)), 1e-15);
        assertEquals(1, Measure.DESATURATION.of(new Rgb(0.5, 0.5, 0.5)));
        for (Rgb c : ColorSets.latentCube(7).colors()) {
            var hsv = c.toHsv();
            assertEquals(hsv.s() * hsv.v(), Measure.VIBRANCY.of(c), 1e-12, c::toString);
        }
    }

    @Test
    void namesAndPrototypes() {
        assertEquals(Measure.REDNESS, Measure.primary("red"));
        assertEquals(Measure.GREENNESS, Measure.primary("green"));
        assertEquals(Measure.BLUENESS, Measure.primary("blue"));
        var e = assertThrows(IllegalArgumentException.class, () -> Measure.primary("cyan"));
        assertTrue(e.getMessage().contains("'cyan'") && e.getMessage().contains("red, green, blue"), e.getMessage());
        assertEquals("redness", Measure.REDNESS.configName());
        assertEquals("desaturation", Measure.DESATURATION.configName());
        assertEquals(Measure.VIBRANCY, Measure.byConfigName("vibrancy"));
        assertThrows(IllegalArgumentException.class, () -> Measure.byConfigName("Vibrancy"));
        assertEquals(Optional.of(new Rgb(0, 0, 1)), Measure.BLUENESS.prototype());
        assertEquals(Optional.empty(), Measure.VIBRANCY.prototype());
    }
}
