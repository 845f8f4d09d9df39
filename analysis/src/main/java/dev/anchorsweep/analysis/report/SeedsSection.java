package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.chart.Palette;
import dev.anchorsweep.analysis.chart.SeedBoxChart;
import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every arm across its seeds: the arm_summary table (median and IQR per intervention) and box plots of the concept's
 * and its complement's error and of the selectivity score, one dot per seed.
 */
public final class SeedsSection {

    /** Fewer ok runs than this per arm and box plots say nothing: they are left out. */
    static final int MIN_RUNS_FOR_BOXES = 3;

    private SeedsSection() {
    }

    public static Section render(List<String> arms, List<ArmStat> stats, QueryResult summary, QueryResult runErrors,
                                 ReportFiles files) {
        StringBuilder sb = new StringBuilder("<h2>Arms across seeds</h2>");
        List<String> conceptLabels = stats.stream().map(ArmStat::conceptLabel).filter(Objects::nonNull).distinct().toList();
        List<String> pairs = stats.stream().map(ArmStat::pairLabel).distinct().toList();
        boolean anyGroup = stats.stream().anyMatch(ArmStat::group);
        String concept = conceptLabels.size() == 1 ? conceptLabels.get(0) : "concept";
        String complement = stats.stream().map(ArmStat::complementColor).filter(Objects::nonNull).findFirst()
                .orElse("complement");
        if (anyGroup) complement = "complement";
        boolean perArmLabels = pairs.size() > 1;
        String csv = files.csv("arm_summary", summary);
        String runsCsv = files.csv("run_errors", runErrors);
        sb.append(table(arms, stats, concept, complement, perArmLabels, csv, runsCsv));

        // the dots: the seeds the boxes summarise (degenerate runs are left out of arm_summary's quartiles)
        List<ResultRow> points = ResultRow.all(runErrors).stream()
                .filter(r -> !r.flag("degenerate")).toList();
        StringBuilder charts = new StringBuilder();
        for (String arm : arms) {
            List<ArmStat> armStats = stats.stream().filter(s -> s.arm().equals(arm)).toList();
            if (armStats.isEmpty() || armStats.get(0).runs() < MIN_RUNS_FOR_BOXES) continue;
            long runs = armStats.get(0).runs();
            List<SeedBoxChart.Box> errorBoxes = new ArrayList<>();
            List<SeedBoxChart.Box> scoreBoxes = new ArrayList<>();
            for (ArmStat s : armStats) {
                List<ResultRow> rows = points.stream()
                        .filter(r -> arm.equals(r.string("arm")) && s.intervention().equals(r.string("intervention")))
                        .toList();
                box(errorBoxes, s.intervention(), Palette.CONCEPT, s.concept(), values(rows, "concept_error"));
                if (s.group()) { // no complement: the other group's worst error instead
                    box(errorBoxes, s.intervention(), Palette.COMPLEMENT, s.offTarget(),
                            values(rows, "worst_off_target_error"));
                } else {
                    box(errorBoxes, s.intervention(), Palette.COMPLEMENT, s.complement(),
                            values(rows, "complement_error"));
                }
                if (!s.isBaseline()) {
                    box(scoreBoxes, s.intervention(), Palette.of(s.intervention()), s.score(), values(rows, "score"));
                }
            }
            String errors = files.chart("box-errors-" + arm, SeedBoxChart.build(arm + ": error across " + runs + " seeds",
                    "per-colour error", errorBoxes, 540, 330, null));
            charts.append(BestRunsSection.figure(errors, 540, "box plots of " + armStats.get(0).pairLabel()
                    .replace(" / ", " and ") + " error per intervention for arm " + arm));
            if (!scoreBoxes.isEmpty()) {
                String score = files.chart("box-scores-" + arm, SeedBoxChart.build(arm + ": selectivity r² across "
                        + runs + " seeds", "selectivity score r²", scoreBoxes, 360, 330, 1.0));
                charts.append(BestRunsSection.figure(score, 360, "box plots of the selectivity score per intervention "
                        + "for arm " + arm));
            }
        }
        if (!charts.isEmpty()) {
            sb.append("<div class=\"figures\">").append(charts).append("</div>");
            sb.append("<p class=\"note\">Boxes: quartiles and median across seeds (the table's numbers); whiskers: "
                    + "smallest and largest seed; dots: the seeds (degenerate runs left out). <span style=\"color:")
                    .append(Palette.hex(Palette.CONCEPT)).append("\">■</span> ").append(HtmlText.escape(concept))
                    .append(anyGroup ? " (a colour group: the median over its colours)" : "")
                    .append(", <span style=\"color:").append(Palette.hex(Palette.COMPLEMENT)).append("\">■</span> ")
                    .append(HtmlText.escape(complement)).append(" (the opposite hue")
                    .append(anyGroup ? "; for a colour group the worst of the other named colours" : "")
                    .append(").</p>");
        } else {
            sb.append("<p class=\"note\">No box plots: every arm has fewer than ").append(MIN_RUNS_FOR_BOXES)
                    .append(" ok runs.</p>");
        }
        return new Section("arms", "Arms across seeds", sb.toString());
    }

    private static String table(List<String> arms, List<ArmStat> stats, String concept, String complement,
                                boolean perArmLabels, String csv, String runsCsv) {
        StringBuilder sb = new StringBuilder("<div class=\"table-wrap\"><table class=\"data summary\"><caption>Median "
                + "across seeds, interquartile range below; per-run values: <a href=\"" + runsCsv
                + "\">run_errors.csv</a> <a class=\"csv\" href=\"" + csv + "\">CSV</a></caption><thead><tr>"
                + "<th>arm</th><th>intervention</th><th class=\"num\">" + HtmlText.escape(concept) + " error</th>"
                + "<th class=\"num\">" + HtmlText.escape(complement) + " error</th><th class=\"num\">worst off-target "
                + "error</th><th class=\"num\">selectivity r²</th><th>verdict</th></tr></thead><tbody>");
        for (String arm : arms) {
            List<ArmStat> mine = stats.stream().filter(s -> s.arm().equals(arm)).toList();
            ArmStat baseline = mine.stream().filter(ArmStat::isBaseline).findFirst().orElse(null);
            for (int i = 0; i < mine.size(); i++) {
                ArmStat s = mine.get(i);
                sb.append(s.isBaseline() ? "<tr class=\"baseline\">" : "<tr>");
                if (i == 0) {
                    sb.append("<td rowspan=\"").append(mine.size()).append("\" class=\"arm\"><b>")
                            .append(HtmlText.escape(arm)).append("</b><div class=\"muted\">").append(s.runs())
                            .append(s.runs() == 1 ? " ok run" : " ok runs").append("</div>");
                    if (perArmLabels) {
                        sb.append("<div class=\"muted\">").append(HtmlText.escape(s.pairLabel())).append("</div>");
                    }
                    if (baseline != null) {
                        sb.append("<div class=\"muted\">val. recon ").append(HtmlText.escape(
                                SignificantDigits.format(baseline.baselineRecon().median()))).append("</div>");
                    }
                    sb.append("</td>");
                }
                sb.append("<td>").append(Chips.chip(s.intervention())).append("</td>")
                        .append("<td class=\"num\">").append(s.concept().html()).append("</td>")
                        .append("<td class=\"num\">").append(s.complement().html()).append("</td>")
                        .append("<td class=\"num\">").append(s.offTarget().html())
                        .append(s.offTargetColor() == null ? "" : "<div class=\"iqr\">mostly "
                                + HtmlText.escape(s.offTargetColor()) + "</div>").append("</td>")
                        .append("<td class=\"num\">").append(s.isBaseline() ? "–" : s.score().html()).append("</td>")
                        .append("<td>").append(s.isBaseline() ? "" : new Verdict(s).badge()).append("</td></tr>");
            }
        }
        return sb.append("</tbody></table></div>").toString();
    }

    private static void box(List<SeedBoxChart.Box> boxes, String label, Color color, Quartiles q, double[] seeds) {
        if (q.median() == null || q.q1() == null || q.q3() == null || q.min() == null || q.max() == null) return;
        boxes.add(new SeedBoxChart.Box(label, color, q.q1(), q.median(), q.q3(), q.min(), q.max(), seeds));
    }

    private static double[] values(List<ResultRow> rows, String column) {
        return rows.stream().map(r -> r.number(column)).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    }
}
