package dev.anchorsweep.data;

import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.identity.Canonical;

import java.util.List;
import java.util.Map;

/**
 * Which colours a run trains on ({@code training.data.colors}): the RGB training grid of {@code training.grid}, an RGB
 * grid of its own, an HSV cube given by counts (the reference's {@code ColorCube.from_hsv}), or HSV axes given as
 * lists (hues in degrees). HSV sets are ordered like numpy's {@code meshgrid(h, s, v, indexing='ij')}: hue outermost,
 * value innermost.
 */
public sealed interface ColorSpec extends Canonical, java.io.Serializable {

    List<String> TYPES = List.of("grid", "rgb-grid", "hsv-cube", "hsv");

    /** The colours, with {@code gridSubdivisions} the run's {@code training.grid}. */
    TrainingColors build(int gridSubdivisions);

    /** The run's training grid, RGB {@code linspace(0,1,training.grid)³} (the paper's colours). */
    record TrainingGrid() implements ColorSpec {
        @Override
        public TrainingColors build(int gridSubdivisions) {
            return TrainingColors.rgb(ColorSets.linspace(0, 1, gridSubdivisions));
        }

        @Override
        public Object canonicalForm() {
            return Map.of("type", "grid");
        }
    }

    /** RGB {@code linspace(0,1,n)³}, r outermost. */
    record RgbGrid(int subdivisions) implements ColorSpec {
        public RgbGrid {
            if (subdivisions < 2 || subdivisions > 256) {
                throw new IllegalArgumentException("an rgb-grid needs 2..256 subdivisions, but got " + subdivisions);
            }
        }

        @Override
        public TrainingColors build(int gridSubdivisions) {
            return TrainingColors.rgb(ColorSets.linspace(0, 1, subdivisions));
        }

        @Override
        public Object canonicalForm() {
            return Map.of("type", "rgb-grid", "subdivisions", subdivisions);
        }
    }

    /**
     * The reference's HSV cube: h = k/hues (k = 0 … hues − 1, numpy {@code arange_cyclic}), s = linspace(0,1,
     * saturations), v = linspace(0,1,values); M1's training colours are 36 × 10 × 10.
     */
    record HsvCube(int hues, int saturations, int values) implements ColorSpec {
        public HsvCube {
            if (hues < 1 || saturations < 1 || values < 1 || (long) hues * saturations * values > TrainingColors.MAX_COLORS) {
                throw new IllegalArgumentException("an hsv-cube needs ≥ 1 hues, saturations and values and at most "
                        + TrainingColors.MAX_COLORS + " colours, but got " + hues + " × " + saturations + " × " + values);
            }
        }

        @Override
        public TrainingColors build(int gridSubdivisions) {
            double[] h = new double[hues];
            double step = 1.0 / hues;
            for (int k = 0; k < hues; k++) h[k] = k * step; // numpy.arange(0, 1, 1/hues)
            return TrainingColors.hsv(h, ColorSets.linspace(0, 1, saturations), ColorSets.linspace(0, 1, values));
        }

        @Override
        public Object canonicalForm() {
            return Map.of("type", "hsv-cube", "hues", hues, "saturations", saturations, "values", values);
        }
    }

    /**
     * HSV axes as lists: hues in degrees (taken modulo 360; h = degrees / 360 turns), saturations and values in
     * [0, 1]; the config's ranges are expanded when it is read.
     */
    record HsvAxes(List<Double> hues, List<Double> saturations, List<Double> values) implements ColorSpec {
        public HsvAxes {
            hues = List.copyOf(hues);
            saturations = List.copyOf(saturations);
            values = List.copyOf(values);
            if (hues.isEmpty() || saturations.isEmpty() || values.isEmpty()) {
                throw new IllegalArgumentException("hsv colours need at least one hue, saturation and value, but got "
                        + hues.size() + ", " + saturations.size() + " and " + values.size());
            }
            if ((long) hues.size() * saturations.size() * values.size() > TrainingColors.MAX_COLORS) {
                throw new IllegalArgumentException("hsv colours are at most " + TrainingColors.MAX_COLORS + ", but got "
                        + hues.size() + " × " + saturations.size() + " × " + values.size());
            }
            for (double x : hues) {
                if (!Double.isFinite(x)) throw new IllegalArgumentException("hues must be finite degrees, but got " + x);
            }
            for (double x : saturations) unit("saturation", x);
            for (double x : values) unit("value", x);
        }

        private static void unit(String what, double x) {
            if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException(what + "s must be in [0, 1], but got " + x);
        }

        @Override
        public TrainingColors build(int gridSubdivisions) {
            double[] h = hues.stream().mapToDouble(x -> {
                double turns = x / 360;
                return turns - Math.floor(turns);
            }).toArray();
            return TrainingColors.hsv(h, saturations.stream().mapToDouble(Double::doubleValue).toArray(),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
        }

        @Override
        public Object canonicalForm() {
            return Map.of("type", "hsv", "hues", hues, "saturations", saturations, "values", values);
        }
    }
}
