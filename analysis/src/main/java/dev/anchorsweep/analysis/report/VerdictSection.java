package dev.anchorsweep.analysis.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.anchorsweep.analysis.report.SignificantDigits.format;

/**
 * The first thing on the page: per arm, what each intervention does (from the medians across seeds), the selection
 * intervention first, with the best run's colours under it; for a regularizer-combination sweep, how many arms put red
 * on its anchor and the vibrant hues in their plane.
 */
public final class VerdictSection {

    private VerdictSection() {
    }

    /**
     * @param okRuns     ok runs per arm (degenerate ones included)
     * @param degenerate the degenerate runs per arm: listed in the arm's card and left out of its medians
     */
    public static Section render(List<String> arms, Map<String, Long> failedRuns, Map<String, Long> okRuns,
                                 Map<String, List<DegenerateRun>> degenerate, List<ArmStat> stats,
                                 Map<String, BestRun> best, List<ColorOutcome> bestColors, List<GalleryRow> gallery) {
        StringBuilder sb = new StringBuilder("<h2>Verdict</h2>");
        if (gallery != null && !gallery.isEmpty()) sb.append(combinations(gallery));
        if (stats.isEmpty() && degenerate.isEmpty()) {
            long failed = failedRuns.values().stream().mapToLong(Long::longValue).sum();
            long ok = okRuns.values().stream().mapToLong(Long::longValue).sum();
            if (ok > 0) {
                // e.g. the 1.x curricula: no concept, so no intervention to judge
                sb.append("<p>").append(ok).append(ok == 1 ? " run" : " runs").append(" finished ok")
                        .append(failed > 0 ? ", <span class=\"bad\">" + failed + " failed</span>" : "")
                        .append(", but no run names a concept, so there is no concept error or intervention to judge: "
                                + "compare the arms by their <a href=\"#best\">best runs</a>, their "
                                + "<a href=\"#evolution\">latent evolution</a> and the <a href=\"#spikes\">loss at "
                                + "phase changes</a> (where the runs have them).</p>");
            } else {
                sb.append(failed > 0 ? "<p><span class=\"bad\">No run finished ok: " + failed + " failed</span> — see "
                        + "<a href=\"#failed\">failed runs</a>.</p>" : "<p>No run has finished yet: nothing to "
                        + "conclude.</p>");
            }
            return new Section("verdict", "Verdict", sb.toString());
        }
        boolean compact = gallery != null && !gallery.isEmpty();
        if (compact) {
            sb.append("<p class=\"note\">Per-arm verdicts are in the <a href=\"#combinations\">combinations</a> "
                    + "table below.</p>");
            return new Section("verdict", "Verdict", sb.toString());
        }
        sb.append("<div class=\"cards\">");
        for (String arm : arms) {
            List<ArmStat> armStats = stats.stream().filter(s -> s.arm().equals(arm)).toList();
            List<DegenerateRun> bad = degenerate.getOrDefault(arm, List.of());
            String badLine = bad.isEmpty() ? "" : "<p class=\"degenerate\">" + DegenerateRun.sentence(bad,
                    okRuns.getOrDefault(arm, (long) bad.size())) + " — left out of the medians; see <a href=\"#failed\">"
                    + "failed and degenerate runs</a>.</p>";
            if (armStats.isEmpty()) {
                long failed = failedRuns.getOrDefault(arm, 0L);
                sb.append("<div class=\"card\"><h3>").append(HtmlText.escape(arm)).append(" <small>")
                        .append(bad.isEmpty() ? "no ok run" : "no usable run").append("</small></h3>");
                if (!bad.isEmpty()) {
                    sb.append(badLine);
                    if (failed > 0) sb.append("<p><span class=\"bad\">").append(failed).append(" failed</span>.</p>");
                } else {
                    sb.append("<p>").append(failed > 0 ? "<span class=\"bad\">All " + failed + " runs failed</span> — "
                            + "see <a href=\"#failed\">failed and degenerate runs</a>." : "No evaluated run yet.")
                            .append("</p>");
                }
                sb.append("</div>");
                continue;
            }
            BestRun run = best.get(arm);
            String selection = run == null ? null : run.selectionIntervention();
            List<ArmStat> interventions = new ArrayList<>(armStats.stream().filter(s -> !s.isBaseline()).toList());
            interventions.sort(Comparator.comparing((ArmStat s) -> !Objects.equals(s.intervention(), selection)));
            ArmStat baseline = armStats.stream().filter(ArmStat::isBaseline).findFirst().orElse(null);
            long runs = armStats.get(0).runs();
            sb.append("<div class=\"card\"><h3>").append(HtmlText.escape(arm)).append(" <small>")
                    .append(runs).append(runs == 1 ? " ok run" : " ok runs (medians across seeds)")
                    .append(bad.isEmpty() ? "" : ", " + bad.size() + " degenerate left out").append("</small></h3>")
                    .append(badLine).append("<ul class=\"verdicts\">");
            for (ArmStat s : interventions) {
                Verdict v = new Verdict(s);
                sb.append("<li><div class=\"headline\">").append(Chips.chip(s.intervention())).append(' ')
                        .append(v.badge()).append(' ').append(v.sentence());
                if (Objects.equals(s.intervention(), selection)) {
                    sb.append(" <span class=\"star\" title=\"ranks runs in best-run selection\">★ selection</span>");
                }
                sb.append("</div><div class=\"details\">").append(v.details()).append("</div>");
                if (run != null) {
                    List<ColorOutcome> strip = bestColors.stream()
                            .filter(c -> c.arm().equals(arm) && c.intervention().equals(s.intervention())).toList();
                    if (!strip.isEmpty()) {
                        sb.append("<div class=\"strip\"><span class=\"strip-label\">best run, seed ").append(run.seed())
                                .append("</span>").append(Swatches.strip(strip, true)).append("</div>");
                    }
                }
                sb.append("</li>");
            }
            sb.append("</ul>");
            if (baseline != null) {
                sb.append("<p class=\"baseline\">Without intervention: worst named-colour error median ")
                        .append(format(baseline.maxNamedErrorMedian())).append(", validation reconstruction error ")
                        .append(HtmlText.escape(baseline.baselineRecon().text())).append(".</p>");
            }
            sb.append("</div>");
        }
        sb.append("</div>");
        sb.append("<p class=\"note\">How to read: <i>removes</i> = median error of the concept colour ≥ ")
                .append(Verdict.REMOVES).append(" (suppressed red decodes to grey: ¼; ablated red lands elsewhere on the "
                        + "manifold: ⅓); <i>weakens</i> ≥ ").append(Verdict.WEAKENS).append("; <i>spares</i> = median ≤ ")
                .append(Verdict.SPARES).append("; <i>damages</i> ≥ ").append(Verdict.DAMAGES)
                .append(". <b>selective</b>: removes the concept while the worst off-target colour (named colours with "
                        + "similarity 0 to the concept: hue 90° or more away, and the greys) stays ≤ ")
                .append(Verdict.SPARES).append(". A concept without a single colour (vibrancy, desaturation) is judged "
                        + "on its colour group — the named colours where its label measure is 1 (vibrancy: the 12 hues) — "
                        + "by the median of each run's median error over them, and spares the other group (measure 0: "
                        + "black, greys, white) when the median of each run's worst error there stays ≤ ")
                .append(Verdict.SPARES).append(". <i>Degenerate</i> runs (ok, but validation reconstruction error > ")
                .append(DegenerateRule.CEILING).append(", no better than a constant grey output's ")
                .append(DegenerateRule.CONSTANT_GREY).append(", or > ").append((int) DegenerateRule.TIMES_MEDIAN)
                .append(" × the arm's median and > ").append(DegenerateRule.FLOOR).append(") are left out of the "
                        + "medians. Small swatches: the best run's named colours under the intervention (large square "
                        + "reconstructed, small square true).</p>");
        return new Section("verdict", "Verdict", sb.toString());
    }

    private static String combinations(List<GalleryRow> gallery) {
        int n = gallery.size();
        List<GalleryRow> onAnchor = gallery.stream().filter(GalleryRow::redOnAnchor).toList();
        List<GalleryRow> planar = gallery.stream().filter(GalleryRow::planar).toList();
        long onAnchorWithAnchor = onAnchor.stream().filter(g -> g.regularizers().contains("anchor")).count();
        long withAnchor = gallery.stream().filter(g -> g.regularizers().contains("anchor")).count();
        long planarWithPlanarity = planar.stream().filter(g -> g.regularizers().contains("planarity")).count();
        long withPlanarity = gallery.stream().filter(g -> g.regularizers().contains("planarity")).count();
        GalleryRow bestRecon = gallery.stream().filter(g -> g.valRecon() != null)
                .min(Comparator.comparing(GalleryRow::valRecon)).orElse(null);
        GalleryRow worstRecon = gallery.stream().filter(g -> g.valRecon() != null)
                .max(Comparator.comparing(GalleryRow::valRecon)).orElse(null);
        StringBuilder sb = new StringBuilder("<div class=\"card wide\"><ul class=\"verdicts\">");
        sb.append("<li><b>Red on its anchor</b> (cosine ≥ ").append(GalleryRow.ON_ANCHOR).append(") in <b>")
                .append(onAnchor.size()).append(" of ").append(n).append("</b> arms; ").append(onAnchorWithAnchor)
                .append(" of them use <i>anchor</i> (").append(withAnchor).append(" arms do).</li>");
        sb.append("<li><b>Vibrant hues in the plane of dims 0–1</b> (≥ ").append((int) (GalleryRow.PLANAR * 100))
                .append("% of their squared norm) in <b>").append(planar.size()).append(" of ").append(n)
                .append("</b> arms; ").append(planarWithPlanarity).append(" of them use <i>planarity</i> (")
                .append(withPlanarity).append(" arms do).</li>");
        long both = gallery.stream().filter(g -> g.redOnAnchor() && g.planar()).count();
        sb.append("<li><b>Both</b> in <b>").append(both).append(" of ").append(n).append("</b> arms");
        List<String> bothArms = gallery.stream().filter(g -> g.redOnAnchor() && g.planar()).map(GalleryRow::arm).toList();
        if (!bothArms.isEmpty() && bothArms.size() <= 12) {
            sb.append(": ");
            for (int i = 0; i < bothArms.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append("<a href=\"#combo-").append(HtmlText.slug(bothArms.get(i))).append("\">")
                        .append(HtmlText.escape(ArmLabel.shortName(bothArms.get(i)))).append("</a>");
            }
        }
        sb.append(".</li>");
        if (bestRecon != null) {
            sb.append("<li><b>Reconstruction</b> (validation): best ").append(format(bestRecon.valRecon())).append(" (")
                    .append(HtmlText.escape(ArmLabel.shortName(bestRecon.arm()))).append("), worst ").append(format(worstRecon.valRecon()))
                    .append(" (").append(HtmlText.escape(ArmLabel.shortName(worstRecon.arm()))).append(").</li>");
        }
        sb.append("</ul><p class=\"note\">From each arm's final latents of the 20³ latent cube: red_cosine = cosine of "
                + "pure red's latent to the concept direction; vibrant share = share of the squared latent norm of the "
                + "fully saturated colours that lies in dims 0–1.</p></div>");
        return sb.toString();
    }
}
