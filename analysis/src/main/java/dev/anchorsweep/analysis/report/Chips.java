package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.chart.Palette;

import java.util.List;
import java.util.stream.Collectors;

/** Small coloured labels for names that have a palette colour (interventions, regularizers). */
public final class Chips {

    private Chips() {
    }

    public static String chip(String name) {
        return "<span class=\"chip\" style=\"--c:" + Palette.hex(name) + "\">" + HtmlText.escape(name) + "</span>";
    }

    public static String chips(List<String> names) {
        return names.stream().map(Chips::chip).collect(Collectors.joining(" "));
    }

    /** A coloured square for a CSS colour, e.g. {@code rgb(255,0,0)}. */
    public static String colorDot(String css) {
        return "<span class=\"dot\" style=\"background:" + css + "\"></span>";
    }
}
