package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.chart.Curve;
import dev.anchorsweep.analysis.chart.LatentEvolution;
import dev.anchorsweep.analysis.chart.LatentFrame;
import dev.anchorsweep.analysis.chart.LatentPanel;
import dev.anchorsweep.analysis.chart.LatentSample;
import dev.anchorsweep.analysis.chart.Projection;
import dev.anchorsweep.analysis.chart.Timeline;
import dev.anchorsweep.analysis.sql.CellValue;
import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;
import dev.anchorsweep.color.ColorSets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The latents (at the chosen snapshot steps, about {@value #POINTS} colours of the run's latent set) and the history
 * (scheduled properties and loss terms) of the runs the evolution section draws, from one query each
 * (report/evolution_latents.sql, evolution_history.sql), built into {@link LatentEvolution}s.
 */
final class EvolutionData {

    /** About this many colours per snapshot: enough to see the structure, few enough for a page and a GIF. */
    static final int POINTS = 1000;
    /** Loss terms are drawn as a centred rolling mean over this many logged steps: calm, yet a spike still shows. */
    static final int SMOOTHING = 5;

    private EvolutionData() {
    }

    /**
     * Each run's evolution over {@code steps.get(runId)}, titled {@code titles.get(runId)}; runs without latents are
     * left out, a folder without history gives empty timelines.
     */
    static Map<String, LatentEvolution> query(ReportSql sql, Collection<EvolutionRunInfo> runs,
                                              Map<String, List<Integer>> steps, Map<String, String> titles) {
        List<String> ids = runs.stream().map(EvolutionRunInfo::runId).toList();
        TreeSet<Integer> allSteps = new TreeSet<>();
        steps.values().forEach(allSteps::addAll);
        int colors = runs.stream().mapToInt(r -> setSize(r.latentSet())).max().orElse(POINTS);
        int stride = Math.max(1, (int) Math.ceil((double) colors / POINTS));
        ReportSql.Pending latentQuery = sql.submit("evolution_latents",
                new ReportSql.ParameterList("run_ids", ids, false),
                new ReportSql.ParameterList("steps", allSteps.stream().map(String::valueOf).toList(), false),
                new ReportSql.ParameterList("stride", List.of(String.valueOf(stride)), false));
        ReportSql.Pending historyQuery = sql.catalog().tables().contains("history")
                ? sql.submitForRuns("evolution_history", ids) : null;

        Map<String, TreeMap<Integer, List<LatentSample>>> snapshots = new LinkedHashMap<>();
        QueryResult latents = latentQuery.get();
        int run = latents.column("run_id"), step = latents.column("step"), r = latents.column("r"),
                g = latents.column("g"), b = latents.column("b"), latent = latents.column("latent");
        for (List<Object> row : latents.rows()) {
            String id = (String) row.get(run);
            int s = ((Number) row.get(step)).intValue();
            if (!steps.getOrDefault(id, List.of()).contains(s)) continue;
            snapshots.computeIfAbsent(id, k -> new TreeMap<>()).computeIfAbsent(s, k -> new ArrayList<>())
                    .add(new LatentSample(((Number) row.get(r)).doubleValue(), ((Number) row.get(g)).doubleValue(),
                            ((Number) row.get(b)).doubleValue(), doubles(row.get(latent))));
        }
        Map<String, List<ResultRow>> history = new LinkedHashMap<>();
        for (ResultRow h : historyQuery == null ? List.<ResultRow>of() : ResultRow.all(historyQuery.get())) {
            history.computeIfAbsent(h.string("run_id"), k -> new ArrayList<>()).add(h);
        }

        Map<String, LatentEvolution> out = new LinkedHashMap<>();
        for (EvolutionRunInfo info : runs) {
            TreeMap<Integer, List<LatentSample>> byStep = snapshots.get(info.runId());
            if (byStep == null || byStep.isEmpty()) continue;
            byStep.replaceAll((k, v) -> LatentPanel.drawingOrder(v));
            List<LatentSample> last = byStep.lastEntry().getValue();
            List<Projection> views = ProjectionChoice.three(info.conceptDim(), variance(last));
            if (views.isEmpty()) continue;
            List<List<LatentSample>> all = new ArrayList<>(byStep.values());
            List<LatentFrame> frames = views.stream().map(p -> LatentFrame.of(p, all)).toList();
            out.put(info.runId(), new LatentEvolution(titles.getOrDefault(info.runId(), info.arm()), frames, byStep,
                    timeline(info, history.getOrDefault(info.runId(), List.of()))));
        }
        return out;
    }

    /** lr and every key of history.weights as they are, every loss term smoothed; the run's named phases. */
    static Timeline timeline(EvolutionRunInfo info, List<ResultRow> rows) {
        Map<String, List<double[]>> properties = new LinkedHashMap<>();
        Map<String, List<double[]>> losses = new TreeMap<>();
        for (ResultRow h : rows) {
            double step = h.number("step");
            Double lr = h.number("lr");
            if (lr != null) properties.computeIfAbsent("lr", k -> new ArrayList<>()).add(new double[] {step, lr});
            new TreeMap<>(h.numbers("weights")).forEach((k, v) -> {
                if (v != null) properties.computeIfAbsent(k, x -> new ArrayList<>()).add(new double[] {step, v});
            });
            h.numbers("losses").forEach((k, v) -> {
                if (v != null) losses.computeIfAbsent(k, x -> new ArrayList<>()).add(new double[] {step, v});
            });
        }
        List<Curve> propertyCurves = new ArrayList<>();
        properties.forEach((name, points) -> propertyCurves.add(curve(name, points, 1)));
        List<Curve> lossCurves = new ArrayList<>();
        if (losses.containsKey("total")) lossCurves.add(curve("total", losses.remove("total"), SMOOTHING));
        if (losses.containsKey("recon")) lossCurves.add(curve("recon", losses.remove("recon"), SMOOTHING));
        losses.forEach((name, points) -> lossCurves.add(curve(name, points, SMOOTHING)));
        return new Timeline(propertyCurves, lossCurves, info.phases(), 0, info.steps());
    }

    /** The points as a curve, each y the mean over a centred window of {@code window} points (1: as they are). */
    static Curve curve(String name, List<double[]> points, int window) {
        int n = points.size(), half = window / 2;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = points.get(i)[0];
            double sum = 0;
            int count = 0;
            for (int j = Math.max(0, i - half); j <= Math.min(n - 1, i + half); j++) {
                sum += points.get(j)[1];
                count++;
            }
            y[i] = sum / count;
        }
        return new Curve(name, x, y);
    }

    static double[] variance(List<LatentSample> samples) {
        int k = samples.isEmpty() ? 0 : samples.get(0).latent().length;
        double[] mean = new double[k], var = new double[k];
        for (LatentSample s : samples) for (int d = 0; d < k; d++) mean[d] += s.latent()[d] / samples.size();
        for (LatentSample s : samples) {
            for (int d = 0; d < k; d++) var[d] += Math.pow(s.latent()[d] - mean[d], 2) / samples.size();
        }
        return var;
    }

    private static int setSize(String name) {
        try {
            return ColorSets.byName(name).size();
        } catch (RuntimeException e) {
            return POINTS;
        }
    }

    private static double[] doubles(Object seq) {
        List<?> list = (List<?>) CellValue.plain(seq);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) list.get(i)).doubleValue();
        return out;
    }
}
