package dev.anchorsweep.driver;

import dev.anchorsweep.job.RunOutcome;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The table a sweep prints at the end: per arm, runs ok / failed and the median concept error (the named colour of
 * the run's concept, e.g. red) under baseline and each intervention. Built from the runs' outcomes; runs committed
 * before this invocation (or by an earlier attempt of a retried task) are read back with Spark SQL.
 */
public record SweepSummary(List<String> interventions, List<ArmLine> arms) {

    public record ArmLine(String arm, long ok, long failed, Map<String, Double> medianConceptError) {
    }

    /** One line per arm (sorted by name), medians over the ok runs. */
    public static SweepSummary of(Collection<RunOutcome> runs) {
        Map<String, List<RunOutcome>> byArm = new TreeMap<>();
        for (RunOutcome r : runs) byArm.computeIfAbsent(r.arm(), a -> new ArrayList<>()).add(r);
        TreeSet<String> interventions = new TreeSet<>();
        List<ArmLine> lines = new ArrayList<>();
        byArm.forEach((arm, armRuns) -> {
            Map<String, List<Double>> errors = new TreeMap<>();
            long ok = 0;
            for (RunOutcome r : armRuns) {
                if (!r.ok()) continue;
                ok++;
                r.conceptErrors().forEach((i, e) -> errors.computeIfAbsent(i, k -> new ArrayList<>()).add(e));
            }
            Map<String, Double> medians = new LinkedHashMap<>();
            errors.forEach((i, e) -> medians.put(i, median(e)));
            interventions.addAll(medians.keySet());
            lines.add(new ArmLine(arm, ok, armRuns.size() - ok, medians));
        });
        List<String> columns = new ArrayList<>();
        if (interventions.remove("baseline")) columns.add("baseline");
        columns.addAll(interventions);
        return new SweepSummary(columns, lines);
    }

    /**
     * The outcomes of committed runs read back from the tables (views {@code runs} and {@code evaluations}) for the
     * given run ids; host, pack size and training time as recorded.
     */
    static List<RunOutcome> committed(SparkSession spark, String sweepId, Collection<String> runIds) {
        if (runIds.isEmpty()) return List.of();
        spark.createDataset(new ArrayList<>(runIds), Encoders.STRING()).toDF("run_id").createOrReplaceTempView("wanted_runs");
        Map<String, Map<String, Double>> errors = new HashMap<>();
        if (spark.catalog().tableExists("evaluations")) for (Row row : spark.sql("""
                SELECT e.run_id, e.intervention, avg(e.error)
                FROM evaluations e JOIN wanted_runs w ON e.run_id = w.run_id
                WHERE e.sweep_id = '%s' AND e.color_set = 'named' AND e.similarity >= %s
                GROUP BY e.run_id, e.intervention""".formatted(sweepId, RunOutcome.CONCEPT_SIMILARITY))
                .collectAsList()) {
            errors.computeIfAbsent(row.getString(0), k -> new HashMap<>()).put(row.getString(1), row.getDouble(2));
        }
        List<RunOutcome> outcomes = new ArrayList<>();
        for (Row row : spark.sql("""
                SELECT r.run_id, r.arm, r.status, r.error, r.train_seconds, r.pack_size, r.host
                FROM runs r JOIN wanted_runs w ON r.run_id = w.run_id
                WHERE r.sweep_id = '%s'""".formatted(sweepId)).collectAsList()) {
            outcomes.add(new RunOutcome(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                    row.getDouble(4), row.getInt(5), row.getString(6),
                    errors.getOrDefault(row.getString(0), Map.of())));
        }
        return outcomes;
    }

    public int ok() {
        return (int) arms.stream().mapToLong(ArmLine::ok).sum();
    }

    public int failed() {
        return (int) arms.stream().mapToLong(ArmLine::failed).sum();
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    public String render() {
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
