package dev.anchorsweep.analysis.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.anchorsweep.analysis.report.SignificantDigits.format;

/**
 * Colour swatches drawn with CSS, as in the paper's figures: each named colour as a large square in its reconstructed
 * colour with a small square of its true colour inside; one strip per intervention.
 */
public final class Swatches {

    private Swatches() {
    }

    /** One strip: the colours of one run under one intervention, in colour order. */
    public static String strip(List<ColorOutcome> colors, boolean small) {
        StringBuilder sb = new StringBuilder("<div class=\"swatches").append(small ? " small" : "").append("\">");
        for (ColorOutcome c : colors) {
            String title = c.name() + " — error " + format(c.error()) + "; true " + c.trueCss() + ", reconstructed "
                    + c.outCss();
            sb.append("<div class=\"swatch\" title=\"").append(HtmlText.escape(title)).append("\" style=\"background:")
                    .append(c.outCss()).append("\"><div class=\"true\" style=\"background:").append(c.trueCss())
                    .append("\"></div></div>");
        }
        return sb.append("</div>").toString();
    }

    /** A labelled strip per intervention (in the given order), with the colour names once above. */
    public static String grid(List<ColorOutcome> colors, List<String> interventions) {
        Map<String, List<ColorOutcome>> byIntervention = new LinkedHashMap<>();
        for (String i : interventions) {
            byIntervention.put(i, colors.stream().filter(c -> c.intervention().equals(i)).toList());
        }
        StringBuilder sb = new StringBuilder("<div class=\"swatch-grid\">");
        List<ColorOutcome> first = byIntervention.values().stream().filter(l -> !l.isEmpty()).findFirst().orElse(List.of());
        sb.append("<div class=\"swatch-label\"></div><div class=\"swatch-names\">");
        for (ColorOutcome c : first) sb.append("<span>").append(HtmlText.escape(c.name())).append("</span>");
        sb.append("</div>");
        byIntervention.forEach((name, list) -> {
            if (list.isEmpty()) return;
            sb.append("<div class=\"swatch-label\">").append(Chips.chip(name)).append("</div>").append(strip(list, false));
        });
        sb.append("</div><p class=\"note\">Large squares: reconstructed colour; small squares: true colour. "
                + "Hover a swatch for its error.</p>");
        return sb.toString();
    }
}
