package dev.anchorsweep.color;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RgbHsvTest {

    @Test
    void rgbSurvivesARoundTripThroughHsv() {
        for (Rgb c : ColorSets.latentCube(11).colors()) {
            Rgb back = c.toHsv().toRgb();
            assertEquals(c.r(), back.r(), 1e-12, c::toString);
            assertEquals(c.g(), back.g(), 1e-12, c::toString);
            assertEquals(c.b(), back.b(), 1e-12, c::toString);
        }
    }

    @Test
    void hsvSurvivesARoundTripThroughRgbWhereHueIsDefined() {
        for (int h = 0; h < 36; h++) {
            for (double s : new double[] {0.2, 0.5, 1}) {
                for (double v : new double[] {0.3, 1}) {
                    Hsv c = new Hsv(h / 36.0, s, v);
                    Hsv back = c.toRgb().toHsv();
                    assertEquals(c.h(), back.h(), 1e-12, c::toString);
                    assertEquals(c.s(), back.s(), 1e-12, c::toString);
                    assertEquals(c.v(), back.v(), 1e-12, c::toString);
                }
            }
        }
    }

    @Test
    void knownConversions() {
        Hsv orange = new Rgb(1, 0.5, 0).toHsv();
        assertEquals(1.0 / 12, orange.h(), 1e-15);
        assertEquals(1, orange.s());
        assertEquals(1, orange.v());
        Hsv darkTeal = new Rgb(0, 0.5, 0.25).toHsv();
        assertEquals(150.0 / 360, darkTeal.h(), 1e-15);
        assertEquals(1, darkTeal.s());
        assertEquals(0.5, darkTeal.v());
        Hsv grey = new Rgb(0.4, 0.4, 0.4).toHsv();
        assertEquals(0, grey.h());
        assertEquals(0, grey.s());
    }
}
