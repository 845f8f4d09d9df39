package dev.anchorsweep.analysis.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report's single HTML page: a sticky table of contents on the left, the sweep's headline figures, then the
 * sections. Its style sheet (report.css) is inlined, so the page needs nothing but its own folder.
 */
public final class ReportPage {

    /** A headline figure under the title. */
    public record Kpi(String value, String label, String kind) {
    }

    private ReportPage() {
    }

    public static String render(SweepInfo info, List<Kpi> kpis, List<Section> sections, String generatedAt) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<link rel=\"icon\" href=\"data:,\">")
                .append("<title>Sweep report: ").append(HtmlText.escape(info.name())).append("</title><style>")
                .append(css()).append("</style></head><body>\n");
        sb.append("<nav class=\"toc\" aria-label=\"contents\"><div class=\"brand\">anchor-sweep report</div><div class=\"sweep\">")
                .append(HtmlText.escape(info.name())).append("</div><ol>");
        for (Section s : sections) {
            sb.append("<li><a href=\"#").append(s.id()).append("\">").append(HtmlText.escape(s.title())).append("</a>");
            if (!s.links().isEmpty()) {
                sb.append("<ol>");
                for (Section.Link l : s.links()) {
                    sb.append("<li><a href=\"#").append(l.id()).append("\" title=\"").append(HtmlText.escape(l.title()))
                            .append("\">").append(HtmlText.escape(l.title())).append("</a></li>");
                }
                sb.append("</ol>");
            }
            sb.append("</li>");
        }
        sb.append("</ol><div class=\"generated\">generated ").append(HtmlText.escape(generatedAt))
                .append(" by <code>deploy/sweep report</code></div></nav>\n<main><header class=\"top\"><h1>")
                .append(HtmlText.escape(info.name())).append("</h1>");
        if (info.description() != null) sb.append("<p class=\"desc\">").append(HtmlText.escape(info.description())).append("</p>");
        sb.append("<div class=\"kpis\">");
        for (Kpi k : kpis) {
            sb.append("<div class=\"kpi").append(k.kind() == null ? "" : " " + k.kind()).append("\"><div class=\"v\">")
                    .append(HtmlText.escape(k.value())).append("</div><div class=\"k\">").append(HtmlText.escape(k.label()))
                    .append("</div></div>");
        }
        sb.append("</div></header>\n");
        for (Section s : sections) {
            sb.append("<section id=\"").append(s.id()).append("\">").append(s.html()).append("</section>\n");
        }
        sb.append("<footer>Every number on this page comes from a Spark SQL query over the sweep's Parquet tables; "
                + "the queries are under <a href=\"#methods\">How the numbers are made</a>.</footer></main></body></html>\n");
        return sb.toString();
    }

    private static String css() {
        String path = "dev/anchorsweep/analysis/report/report.css";
        try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("no " + path + " on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
