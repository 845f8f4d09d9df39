package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.chart.LatentSample;
import dev.anchorsweep.analysis.chart.LatentScatterChart;
import dev.anchorsweep.analysis.chart.Palette;
import dev.anchorsweep.analysis.chart.Projection;
import dev.anchorsweep.analysis.sql.QueryResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.anchorsweep.analysis.report.SignificantDigits.format;

/**
 * A regularizer-combination sweep on one page: a row per arm with its best run's latent scatter (dims 0–1, where the
 * anchor and the planarity plane are), a tick per regularizer it uses, and the metrics that say whether the
 * combination worked.
 */
public final class GallerySection {

    static final int THUMB = 132;

    private GallerySection() {
    }

    public static Section render(List<GalleryRow> rows, QueryResult table, Map<String, BestRun> best,
                                 BestRunData data, ReportFiles files) {
        String csv = files.csv("combinations", table);
        List<String> regularizers = regularizers(rows);
        StringBuilder sb = new StringBuilder("<h2>Regularizer combinations</h2>");
        sb.append("<p class=\"lead-in\">One row per arm (its best run), fewest regularizers first. Thumbnails: final "
                + "latents of the 20³ colour cube on dims 0 (→) and 1 (↑), coloured by true colour, each scaled to its "
                + "own extent; the black line runs from the origin to the concept anchor. Bars turn green at cosine ≥ ")
                .append(GalleryRow.ON_ANCHOR).append(" and share ≥ ").append(GalleryRow.PLANAR)
                .append(". <a class=\"csv\" href=\"").append(csv).append("\">CSV</a></p>");
        sb.append("<div class=\"table-wrap\"><table class=\"data gallery\"><thead><tr><th>latents</th>");
        for (String r : regularizers) {
            sb.append("<th class=\"reg\"><span style=\"color:").append(Palette.hex(r)).append("\">")
                    .append(HtmlText.escape(r)).append("</span></th>");
        }
        String intervention = rows.stream().map(GalleryRow::selectionIntervention).filter(i -> i != null).findFirst()
                .orElse(null);
        sb.append("<th class=\"num\">red → anchor<br><small>cosine</small></th>")
                .append("<th class=\"num\">vibrant hues in dims 0–1<br><small>share of squared norm</small></th>")
                .append("<th class=\"num\">reconstruction<br><small>validation</small></th>");
        if (intervention != null) {
            sb.append("<th class=\"num\">red under ").append(HtmlText.escape(intervention))
                    .append("<br><small>error</small></th>");
        }
        sb.append("</tr></thead><tbody>");
        for (GalleryRow row : rows) {
            BestRun run = best.get(row.arm());
            List<LatentSample> latents = data.latents().getOrDefault(row.runId(), List.of());
            String img = "";
            if (!latents.isEmpty() && latents.get(0).latent().length >= 2) {
                String png = files.chart("thumb-" + row.arm(), LatentScatterChart.build(row.arm(), latents,
                        new Projection(0, 1), run == null ? null : run.conceptDirection(), THUMB, THUMB, true));
                img = "<a href=\"#arm-" + HtmlText.slug(row.arm()) + "\" title=\"details of " + HtmlText.escape(row.arm())
                        + "\"><img src=\"" + png + "\" width=\"" + THUMB + "\" alt=\"latents of "
                        + HtmlText.escape(row.arm()) + "\"></a>";
            }
            sb.append("<tr id=\"combo-").append(HtmlText.slug(row.arm())).append("\"><td class=\"thumb\">").append(img)
                    .append("</td>");
            for (String r : regularizers) {
                sb.append("<td class=\"reg\">").append(row.regularizers().contains(r)
                        ? "<span class=\"tick\" style=\"background:" + Palette.hex(r) + "\" title=\"" + HtmlText.escape(r)
                        + "\">✓</span>" : "<span class=\"no\">·</span>").append("</td>");
            }
            sb.append(bar(row.redCosine(), row.redOnAnchor()))
                    .append(bar(row.vibrantPlaneShare(), row.planar()))
                    .append("<td class=\"num\">").append(format(row.valRecon())).append("</td>");
            if (intervention != null) sb.append("<td class=\"num\">").append(format(row.conceptError())).append("</td>");
            sb.append("</tr>");
        }
        sb.append("</tbody></table></div>");
        return new Section("combinations", "Combinations", sb.toString());
    }

    /** Every regularizer of the sweep, in the order of the arm that uses most of them. */
    static List<String> regularizers(List<GalleryRow> rows) {
        List<String> out = new ArrayList<>();
        rows.stream().sorted(Comparator.comparingInt((GalleryRow r) -> -r.regularizers().size()))
                .forEach(r -> r.regularizers().forEach(x -> {
                    if (!out.contains(x)) out.add(x);
                }));
        return out;
    }

    /** A number with a bar of its value in [0, 1] (negative cosines show as an empty bar). */
    private static String bar(Double value, boolean good) {
        if (value == null) return "<td class=\"num\">–</td>";
        double width = Math.max(0, Math.min(1, value)) * 100;
        return "<td class=\"num\"><div class=\"value\">" + format(value) + "</div><div class=\"bar\"><span class=\""
                + (good ? "good" : "weak") + "\" style=\"width:" + String.format(Locale.ROOT, "%.1f", width)
                + "%\"></span></div></td>";
    }
}
