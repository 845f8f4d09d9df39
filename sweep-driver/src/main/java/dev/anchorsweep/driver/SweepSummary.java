package dev.anchorsweep.driver;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The table a sweep prints at the end, from Spark SQL over its result tables: per arm, runs ok / failed and the median
 * concept error (the named colour most similar to the run's concept, e.g. red) under baseline and each intervention.
 */
record SweepSummary(List<String> interventions, List<ArmLine> arms) {

    record ArmLine(String arm, long ok, long failed, Map<String, Double> medianConceptError) {
    }

    /** Needs the view {@code runs} (and {@code evaluations} when registered); only the given run ids count. */
    static SweepSummary query(SparkSession spark, String sweepId, List<String> runIds, List<String> views) {
        spark.createDataset(runIds, Encoders.STRING()).toDF("run_id").createOrReplaceTempView("planned_runs");
        Dataset<Row> counts = spark.sql("""
                SELECT r.arm,
                       sum(CASE WHEN r.status = 'ok' THEN 1 ELSE 0 END) AS ok,
                       sum(CASE WHEN r.status = 'failed' THEN 1 ELSE 0 END) AS failed
                FROM runs r JOIN planned_runs p ON r.run_id = p.run_id
                WHERE r.sweep_id = '%s'
                GROUP BY r.arm ORDER BY r.arm""".formatted(sweepId));
        Map<String, ArmLine> arms = new LinkedHashMap<>();
        for (Row row : counts.collectAsList()) {
            arms.put(row.getString(0), new ArmLine(row.getString(0), row.getLong(1), row.getLong(2), new LinkedHashMap<>()));
        }
        TreeSet<String> interventions = new TreeSet<>();
        if (views.contains("evaluations")) {
            Dataset<Row> medians = spark.sql("""
                    SELECT r.arm, e.intervention, median(e.error) AS concept_error
                    FROM evaluations e
                    JOIN runs r ON e.sweep_id = r.sweep_id AND e.run_id = r.run_id
                    JOIN planned_runs p ON r.run_id = p.run_id
                    WHERE r.sweep_id = '%s' AND r.status = 'ok' AND e.color_set = 'named' AND e.similarity >= 0.999
                    GROUP BY r.arm, e.intervention""".formatted(sweepId));
            for (Row row : medians.collectAsList()) {
                ArmLine line = arms.get(row.getString(0));
                if (line == null) continue;
                line.medianConceptError().put(row.getString(1), row.getDouble(2));
                interventions.add(row.getString(1));
            }
        }
        List<String> columns = new ArrayList<>();
        if (interventions.remove("baseline")) columns.add("baseline");
        columns.addAll(interventions);
        return new SweepSummary(columns, new ArrayList<>(arms.values()));
    }

    String render() {
        int width = Math.max(3, arms.stream().mapToInt(a -> a.arm().length()).max().orElse(3));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-" + width + "s %5s %6s", "arm", "ok", "failed"));
        for (String i : interventions) sb.append(String.format(" %10s", i));
        sb.append("\n");
        for (ArmLine a : arms) {
            sb.append(String.format("%-" + width + "s %5d %6d", a.arm(), a.ok(), a.failed()));
            for (String i : interventions) {
                Double v = a.medianConceptError().get(i);
                sb.append(v == null ? String.format(" %10s", "-") : String.format(" %10.4f", v));
            }
            sb.append("\n");
        }
        if (!interventions.isEmpty()) {
            sb.append("(median over ok runs of the error on the named colour of the run's concept, e.g. red)\n");
        }
        return sb.toString();
    }
}
