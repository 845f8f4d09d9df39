package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.chart.Curve;
import dev.anchorsweep.analysis.chart.LatentSample;
import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the report draws for the best runs, from one query each over all of them (report/hue_errors.sql,
 * latent_points.sql, latent_spread.sql, schedules.sql, training_losses.sql, validation_curves.sql), grouped by run.
 */
public record BestRunData(Map<String, List<Curve>> hueErrors, Map<String, String> hueSet,
                          Map<String, List<LatentSample>> latents, Map<String, double[]> spread,
                          Map<String, List<Curve>> weights, Map<String, Curve> lr,
                          Map<String, List<Curve>> losses, Map<String, List<Curve>> validation) {

    static BestRunData query(ReportSql sql, List<String> runIds) {
        List<String> tables = sql.catalog().tables();
        List<String> none = List.of();
        List<String> withEvaluations = tables.contains("evaluations") ? runIds : none;
        List<String> withLatents = tables.contains("latents") ? runIds : none;
        List<String> withHistory = tables.contains("history") ? runIds : none;
        // all at once: Spark plans and runs them side by side
        ReportSql.Pending hueQuery = submit(sql, "hue_errors", withEvaluations);
        ReportSql.Pending pointsQuery = submit(sql, "latent_points", withLatents);
        ReportSql.Pending spreadQuery = submit(sql, "latent_spread", withLatents);
        ReportSql.Pending schedulesQuery = submit(sql, "schedules", withHistory);
        ReportSql.Pending lossesQuery = submit(sql, "training_losses", withHistory);
        ReportSql.Pending validationQuery = submit(sql, "validation_curves", withHistory);

        Map<String, String> hueSet = new LinkedHashMap<>();
        QueryResult hue = get(hueQuery);
        Map<String, List<Curve>> hueErrors = new LinkedHashMap<>();
        if (hue != null) {
            for (ResultRow r : ResultRow.all(hue)) hueSet.putIfAbsent(r.string("run_id"), r.string("color_set"));
            hueErrors = curves(hue, "intervention", "hue_degrees", "error");
        }

        Map<String, List<LatentSample>> latents = new LinkedHashMap<>();
        QueryResult points = get(pointsQuery);
        if (points != null) {
            int run = points.column("run_id"), r = points.column("r"), g = points.column("g"), b = points.column("b"),
                    latent = points.column("latent");
            for (List<Object> row : points.rows()) {
                latents.computeIfAbsent((String) row.get(run), k -> new ArrayList<>()).add(new LatentSample(
                        ((Number) row.get(r)).doubleValue(), ((Number) row.get(g)).doubleValue(),
                        ((Number) row.get(b)).doubleValue(), doubles(row.get(latent))));
            }
        }
        Map<String, TreeMap<Integer, Double>> variance = new LinkedHashMap<>();
        QueryResult spreadRows = get(spreadQuery);
        if (spreadRows != null) {
            for (ResultRow x : ResultRow.all(spreadRows)) {
                variance.computeIfAbsent(x.string("run_id"), k -> new TreeMap<>()).put((int) x.integer("dim"),
                        x.number("variance"));
            }
        }
        Map<String, double[]> spread = new LinkedHashMap<>();
        variance.forEach((id, dims) -> spread.put(id, dims.values().stream().mapToDouble(Double::doubleValue).toArray()));

        Map<String, List<Curve>> weights = new LinkedHashMap<>();
        Map<String, Curve> lr = new LinkedHashMap<>();
        curves(get(schedulesQuery), "name", "step", "value").forEach((id, list) -> {
            for (Curve c : list) {
                if (c.name().equals("lr")) lr.put(id, c);
                else weights.computeIfAbsent(id, k -> new ArrayList<>()).add(c);
            }
        });
        Map<String, List<Curve>> losses = curves(get(lossesQuery), "term", "step", "smoothed");
        Map<String, List<Curve>> validation = curves(get(validationQuery), "metric", "step", "value");
        return new BestRunData(hueErrors, hueSet, latents, spread, weights, lr, losses, validation);
    }

    /** The query over the given runs, started; null when there are none (or their table is absent). */
    private static ReportSql.Pending submit(ReportSql sql, String name, List<String> runIds) {
        return runIds.isEmpty() ? null : sql.submitForRuns(name, runIds);
    }

    private static QueryResult get(ReportSql.Pending pending) {
        return pending == null ? null : pending.get();
    }

    /** Rows of (run_id, name, x, y) ordered by run, name and x, as one curve per run and name. */
    private static Map<String, List<Curve>> curves(QueryResult result, String nameColumn, String xColumn, String yColumn) {
        if (result == null) return new LinkedHashMap<>();
        Map<String, Map<String, List<double[]>>> points = new LinkedHashMap<>();
        int run = result.column("run_id"), name = result.column(nameColumn), x = result.column(xColumn),
                y = result.column(yColumn);
        for (List<Object> row : result.rows()) {
            Object yv = row.get(y);
            if (yv == null) continue;
            points.computeIfAbsent((String) row.get(run), k -> new LinkedHashMap<>())
                    .computeIfAbsent((String) row.get(name), k -> new ArrayList<>())
                    .add(new double[] {((Number) row.get(x)).doubleValue(), ((Number) yv).doubleValue()});
        }
        Map<String, List<Curve>> out = new LinkedHashMap<>();
        points.forEach((id, byName) -> {
            List<Curve> list = new ArrayList<>();
            byName.forEach((n, xy) -> list.add(new Curve(n, xy.stream().mapToDouble(p -> p[0]).toArray(),
                    xy.stream().mapToDouble(p -> p[1]).toArray())));
            out.put(id, list);
        });
        return out;
    }

    private static double[] doubles(Object seq) {
        List<?> list = (List<?>) dev.anchorsweep.analysis.sql.CellValue.plain(seq);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) list.get(i)).doubleValue();
        return out;
    }
}
