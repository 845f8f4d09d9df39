package dev.anchorsweep.regularizer;

import dev.anchorsweep.color.Hsv;
import dev.anchorsweep.color.Rgb;
import dev.anchorsweep.identity.Canonical;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The colours a captured anchor holds in place, as the config gives them: {@code { type = hsv, hues = [0, 60, …],
 * saturations = [1], values = [1] }}, every combination of a hue (degrees), a saturation and a value (hue outermost,
 * value innermost, as the reference's {@code ColorCube.from_hsv(h, s, v)} grid flattens). Canonical form: that object.
 *
 * <p>Interim: the general colour-set spec of training data ({@code type = rgb-grid | hsv-cube | hsv}) is to replace
 * this class; only {@code type = hsv} lists are read here.
 */
public record AnchorColors(List<Double> hues, List<Double> saturations, List<Double> values)
        implements Canonical, java.io.Serializable {

    public AnchorColors {
        hues = List.copyOf(hues);
        saturations = List.copyOf(saturations);
        values = List.copyOf(values);
        check("hues", hues, 0, 360);
        check("saturations", saturations, 0, 1);
        check("values", values, 0, 1);
    }

    private static void check(String what, List<Double> list, double min, double max) {
        if (list.isEmpty()) throw new IllegalArgumentException("anchor colour " + what + " must not be empty");
        for (double x : list) {
            if (!(x >= min && x <= max)) {
                throw new IllegalArgumentException("anchor colour " + what + " must be in [" + (int) min + ", "
                        + (int) max + "], but got " + x);
            }
        }
    }

    public int size() {
        return hues.size() * saturations.size() * values.size();
    }

    /** The colours in RGB, hue outermost. */
    public List<Rgb> rgb() {
        List<Rgb> out = new ArrayList<>(size());
        for (double h : hues) {
            for (double s : saturations) {
                for (double v : values) out.add(new Hsv(h / 360, s, v).toRgb());
            }
        }
        return out;
    }

    @Override
    public Object canonicalForm() {
        Map<String, Object> form = new TreeMap<>();
        form.put("type", "hsv");
        form.put("hues", hues);
        form.put("saturations", saturations);
        form.put("values", values);
        return form;
    }
}
