package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.chart.Curve;
import dev.anchorsweep.analysis.chart.LatentSample;
import dev.anchorsweep.analysis.chart.LatentScatterChart;
import dev.anchorsweep.analysis.chart.LineChart;
import dev.anchorsweep.analysis.chart.Projection;
import dev.anchorsweep.analysis.chart.SelectionChart;
import dev.anchorsweep.analysis.chart.Timeline;
import dev.anchorsweep.analysis.chart.TimelinePicture;
import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;

import static dev.anchorsweep.analysis.report.SignificantDigits.format;

/**
 * The best run of every arm (selected as SCA-SPEC §6 says) in detail: how it was selected, its per-colour table and
 * swatches, latent scatter plots, error against hue, its schedules and its training curves.
 */
public final class BestRunsSection {

    /** With more arms than this, each arm's details start folded. */
    static final int OPEN_ARMS = 6;
    /** Arms with charts; a sweep with more (e.g. 64 sampled points) gets them for its highest-scoring arms only. */
    static final int CHARTED_ARMS = 16;

    /**
     * Hue is drawn in units of 30° (so that ticks fall on 0°, 60°, 120°, …) and labelled by the colour at that hue; the
     * axis title says the scale.
     */
    private static final Function<Double, String> HUE_TICKS = v -> {
        double deg = v * 30;
        long d = Math.round(deg);
        // off-grid values only reach the formatter as the axis ends, which XChart compares to see whether the
        // format loses digits: they must differ
        if (Math.abs(deg - d) > 1e-6) return String.format(java.util.Locale.ROOT, "%.1f°", deg);
        return switch ((int) Math.floorMod(d, 360)) {
            case 0 -> "red";
            case 60 -> "yellow";
            case 120 -> "green";
            case 180 -> "cyan";
            case 240 -> "blue";
            case 300 -> "magenta";
            default -> d + "°";
        };
    };

    private BestRunsSection() {
    }

    public static Section render(List<String> arms, List<BestRun> best, QueryResult bestTable, QueryResult selection,
                                 QueryResult paper, String paperCsv, List<ColorOutcome> colors, BestRunData data,
                                 Map<String, List<Timeline.Phase>> phases, ReportFiles files) {
        StringBuilder sb = new StringBuilder("<h2>Best runs</h2>");
        if (best.isEmpty()) {
            sb.append("<p>No ok run to select from.</p>");
            return new Section("best", "Best runs", sb.toString());
        }
        sb.append("<p class=\"lead-in\">Per arm, the run on the Pareto front of its validation metrics (minimised: "
                + "<code>runs.selection_metrics</code>) against its selection score (maximised: "
                + "<code>runs.selection_score</code>), then the highest score (SCA-SPEC §6).</p>");
        String bestCsv = files.csv("best_runs", bestTable);
        String selectionCsv = files.csv("selection_candidates", selection);
        HtmlTable table = new HtmlTable().caption("Selected runs; every candidate: <a href=\"" + selectionCsv
                        + "\">selection_candidates.csv</a>", bestCsv)
                .column("arm", false).column("seed", true).column("run id", false).column("selected by", false)
                .column("score r²", true).column("minimised metrics", false).column("on front / ok runs", true);
        Set<String> charted = charted(best);
        for (BestRun b : best) {
            StringBuilder metrics = new StringBuilder();
            b.selectionMetrics().forEach((k, v) -> metrics.append(metrics.isEmpty() ? "" : ", ")
                    .append(HtmlText.escape(k)).append(' ').append(format(v)));
            table.row(List.of(charted.contains(b.arm())
                            ? HtmlTable.html("<a href=\"#arm-" + HtmlText.slug(b.arm()) + "\">" + HtmlText.escape(b.arm()) + "</a>")
                            : HtmlTable.text(b.arm()),
                    HtmlTable.text(b.seed()), HtmlTable.html("<code>" + HtmlText.escape(b.runId()) + "</code>"),
                    b.selectionIntervention() == null ? HtmlTable.text("–") : HtmlTable.html(Chips.chip(b.selectionIntervention())),
                    HtmlTable.number(b.selectionScore()), HtmlTable.html(metrics.toString()),
                    HtmlTable.text(b.frontSize() + " / " + b.candidates())));
        }
        sb.append(table.render());
        if (charted.size() < best.size()) {
            sb.append("<p class=\"note\">Charts below for the ").append(charted.size()).append(" of ")
                    .append(best.size()).append(" arms with the highest selection score; the others are in the table "
                            + "(and <code>best_runs</code>).</p>");
        }

        List<Section.Link> links = new ArrayList<>();
        List<ResultRow> candidates = ResultRow.all(selection);
        for (String arm : arms) {
            BestRun run = best.stream().filter(b -> b.arm().equals(arm)).findFirst().orElse(null);
            if (run == null || !charted.contains(arm)) continue;
            String id = "arm-" + HtmlText.slug(arm);
            links.add(new Section.Link(id, ArmLabel.shortName(arm)));
            sb.append(article(id, run, arms.size() <= OPEN_ARMS, candidates, paper, paperCsv,
                    colors.stream().filter(c -> c.arm().equals(arm)).toList(), data,
                    phases.getOrDefault(run.runId(), List.of()), files));
        }
        return new Section("best", "Best runs", sb.toString(), links);
    }

    /** The arms that get charts: all of them, or the {@link #CHARTED_ARMS} with the highest selection score. */
    static Set<String> charted(List<BestRun> best) {
        return best.stream()
                .sorted(Comparator.comparing((BestRun b) -> b.selectionScore() == null ? Double.POSITIVE_INFINITY
                        : -b.selectionScore()).thenComparing(BestRun::arm))
                .limit(CHARTED_ARMS).map(BestRun::arm).collect(Collectors.toSet());
    }

    private static String article(String id, BestRun run, boolean open, List<ResultRow> candidates, QueryResult paper,
                                  String paperCsv, List<ColorOutcome> colors, BestRunData data,
                                  List<Timeline.Phase> phases, ReportFiles files) {
        String arm = run.arm();
        StringBuilder sb = new StringBuilder("<details class=\"run\" id=\"").append(id).append('"')
                .append(open ? " open" : "").append("><summary><h3>").append(HtmlText.escape(arm))
                .append("</h3><span class=\"sub\">seed ").append(run.seed()).append(" · run <code>")
                .append(HtmlText.escape(run.runId())).append("</code>");
        if (run.selectionIntervention() != null) {
            sb.append(" · ").append(HtmlText.escape(run.selectionIntervention())).append(" r² ")
                    .append(format(run.selectionScore()));
        }
        sb.append(" · ").append(run.frontSize()).append(" of ").append(run.candidates()).append(" ok runs on the front")
                .append("</span></summary>");

        List<String> interventions = interventions(colors);
        sb.append("<div class=\"pair\"><div>")
                .append(PaperTable.render(paper, arm, interventions, colors, paperCsv)).append("</div><div>")
                .append("<h4>Swatches</h4>").append(Swatches.grid(colors, interventions)).append("</div></div>");

        sb.append("<div class=\"figures\">");
        List<LatentSample> latents = data.latents().getOrDefault(run.runId(), List.of());
        double[] spread = data.spread().get(run.runId());
        if (!latents.isEmpty() && spread != null) {
            for (Projection p : ProjectionChoice.choose(run.conceptDim(), spread)) {
                String title = "Latents, " + p.label() + (p.x() == run.conceptDim() ? " (concept dim " + p.x() + ")" : "");
                String png = files.chart("latents-" + arm + "-" + p.x() + "-" + p.y(), LatentScatterChart.build(title,
                        latents, p, run.conceptDirection(), 340, 340, false));
                sb.append(figure(png, 340, "latent scatter of " + arm + ", " + p.label() + ", coloured by true colour"));
            }
        }
        List<SelectionChart.Point> points = new ArrayList<>();
        for (ResultRow c : candidates) {
            if (!arm.equals(c.string("arm")) || c.number("val_recon") == null) continue;
            Double score = c.number("selection_score");
            points.add(new SelectionChart.Point(c.number("val_recon"), score == null ? 0 : score, c.flag("on_front"),
                    run.runId().equals(c.string("run_id"))));
        }
        if (points.size() >= 3) {
            String png = files.chart("selection-" + arm, SelectionChart.build("Selection: " + points.size() + " ok runs",
                    (run.selectionIntervention() == null ? "score" : run.selectionIntervention()) + " selectivity r²",
                    points, 360, 340));
            sb.append(figure(png, 360, "selection scatter of " + arm));
        }
        sb.append("</div>");

        sb.append("<div class=\"figures\">");
        List<Curve> hue = data.hueErrors().getOrDefault(run.runId(), List.of());
        if (!hue.isEmpty()) {
            List<Curve> ordered = new ArrayList<>(hue.stream().map(BestRunsSection::closedRing).toList());
            ordered.sort(Comparator.comparing((Curve c) -> !c.name().equals("baseline")).thenComparing(Curve::name));
            String set = data.hueSet().get(run.runId());
            String png = files.chart("hue-" + arm, LineChart.build(new LineChart.Axes("Error against hue ("
                    + ("hue-ring".equals(set) ? "72 hues" : "12 hues") + ", s = v = 1)", "hue (0°–360°, ticks every 60°)",
                    "per-colour error",
                    620, 320, false, HUE_TICKS, -0.05, 12.05), ordered));
            sb.append(figure(png, 620, "error against hue per intervention for " + arm));
        }
        sb.append("</div>");

        sb.append("<div class=\"figures\">");
        List<Curve> weights = data.weights().getOrDefault(run.runId(), List.of());
        if (!weights.isEmpty()) {
            String png = files.chart("weights-" + arm, LineChart.build(new LineChart.Axes("Regularizer weights",
                    "step", "weight", 480, 280, false), weights));
            sb.append(figure(png, 480, "regularizer weight schedules of " + arm));
        }
        Curve lr = data.lr().get(run.runId());
        if (lr != null) {
            String png = files.chart("lr-" + arm, LineChart.build(new LineChart.Axes("Learning rate", "step", "lr",
                    380, 280, false), List.of(lr)));
            sb.append(figure(png, 380, "learning rate schedule of " + arm));
        }
        List<Curve> losses = data.losses().getOrDefault(run.runId(), List.of());
        if (!losses.isEmpty()) {
            String png = files.chart("losses-" + arm, LineChart.build(new LineChart.Axes(
                    "Training loss terms (rolling mean of 11)", "step", "loss (log)", 480, 320, true), losses));
            sb.append(figure(png, 480, "training loss curves of " + arm));
        }
        List<Curve> validation = data.validation().getOrDefault(run.runId(), List.of());
        if (!validation.isEmpty()) {
            String png = files.chart("validation-" + arm, LineChart.build(new LineChart.Axes(
                    "Validation metrics", "step", "value (log)", 480, 320, true), validation));
            sb.append(figure(png, 480, "validation curves of " + arm));
        }
        sb.append("</div>");
        if (lr != null || !weights.isEmpty()) {
            // every scheduled property in its own strip, the loss terms below, the named phases above
            List<Curve> properties = new ArrayList<>();
            if (lr != null) properties.add(lr);
            properties.addAll(weights);
            List<Curve> terms = new ArrayList<>(losses);
            terms.sort(Comparator.comparingInt((Curve c) -> c.name().equals("total") ? 0 : c.name().equals("recon") ? 1 : 2)
                    .thenComparing(Curve::name));
            Timeline timeline = new Timeline(properties, terms, phases, 0, run.steps());
            String png = files.render("img", "timeline-" + arm, "png", file -> TimelinePicture.write(timeline, 740, file));
            sb.append("<div class=\"figures\">").append(figure(png, 740, "timeline of " + arm
                    + ": every scheduled property, the loss terms and the named phases")).append("</div>");
        }
        sb.append("</details>");
        return sb.toString();
    }

    /**
     * A hue curve in units of 30° and closed at 360° with its 0° value (hue is cyclic), so that regular ticks fall on
     * 0°, 60°, … (the axis is padded by a little so that XChart does not put its ticks on the equally spaced data).
     */
    static Curve closedRing(Curve c) {
        int n = c.x().length;
        boolean closes = n > 0 && c.x()[0] == 0;
        double[] x = new double[closes ? n + 1 : n], y = new double[x.length];
        for (int i = 0; i < n; i++) {
            x[i] = c.x()[i] / 30;
            y[i] = c.y()[i];
        }
        if (closes) {
            x[n] = 12;
            y[n] = c.y()[0];
        }
        return new Curve(c.name(), x, y);
    }

    static List<String> interventions(List<ColorOutcome> colors) {
        List<String> out = new ArrayList<>();
        colors.stream().map(ColorOutcome::intervention).distinct().forEach(out::add);
        out.sort(Comparator.comparing((String i) -> !i.equals("baseline")).thenComparing(i -> i));
        return out;
    }

    static String figure(String png, int width, String alt) {
        return "<figure><img src=\"" + HtmlText.escape(png) + "\" width=\"" + width + "\" alt=\"" + HtmlText.escape(alt)
                + "\"></figure>";
    }
}
