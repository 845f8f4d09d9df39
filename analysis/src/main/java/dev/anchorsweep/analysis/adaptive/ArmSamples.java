package dev.anchorsweep.analysis.adaptive;

import dev.anchorsweep.results.RunRow;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed outcomes of a sweep's arms as the {@code runs} view shows them (one version's runs): per arm, per
 * seed, the metric of an ok run, or null for a failed run or one without the metric.
 */
public record ArmSamples(Map<String, TreeMap<Integer, Double>> byArm) {

    /** Arms in name order (the order of the rounds' arms and of the view's rows). */
    public ArmSamples {
        byArm = java.util.Collections.unmodifiableMap(new TreeMap<>(byArm));
    }

    /** Reads them with Spark SQL; the {@code runs} view must be registered. */
    public static ArmSamples read(SparkSession spark, String sweepId, SeedMetric metric) {
        Map<String, TreeMap<Integer, Double>> byArm = new TreeMap<>();
        for (Row row : spark.sql("""
                SELECT arm, seed, CASE WHEN status = :ok THEN CAST(%s AS DOUBLE) END AS value
                FROM runs WHERE sweep_id = :sweep""".formatted(metric.sql()),
                Map.of("ok", RunRow.OK, "sweep", sweepId)).collectAsList()) {
            byArm.computeIfAbsent(row.getString(0), a -> new TreeMap<>())
                    .put(row.getInt(1), row.isNullAt(2) ? null : row.getDouble(2));
        }
        return new ArmSamples(byArm);
    }

    /**
     * The metric of every committed run of the sweep's files among {@code runIds} (null for a failed run or one without
     * it), a run committed twice by its first commit as in the views; the {@code stored_runs} view must be registered.
     * Unlike {@link #read}, it does not depend on the version's run ids, so the driver reads every run it may plan
     * once and replays the rounds already committed without reading again.
     */
    public static Map<String, Double> committed(SparkSession spark, String sweepId, SeedMetric metric,
                                                java.util.Set<String> runIds) {
        Map<String, Double> out = new java.util.HashMap<>();
        for (Row row : spark.sql("""
                SELECT run_id, CASE WHEN status = :ok THEN CAST(%s AS DOUBLE) END AS value
                FROM (SELECT *, row_number() OVER (PARTITION BY run_id ORDER BY finished_at, commit_id) AS commit_rank
                      FROM stored_runs WHERE sweep_id = :sweep)
                WHERE commit_rank = 1""".formatted(metric.sql()), Map.of("ok", RunRow.OK, "sweep", sweepId))
                .collectAsList()) {
            if (runIds.contains(row.getString(0))) out.put(row.getString(0), row.isNullAt(1) ? null : row.getDouble(1));
        }
        return out;
    }

    /** Whether the arm has a committed run for every seed below {@code seeds}. */
    public boolean complete(String arm, int seeds) {
        TreeMap<Integer, Double> runs = byArm.get(arm);
        return runs != null && runs.headMap(seeds).size() == seeds;
    }

    /** The values of the arm's ok runs with a seed below {@code seeds}, in seed order. */
    public double[] values(String arm, int seeds) {
        TreeMap<Integer, Double> runs = byArm.getOrDefault(arm, new TreeMap<>());
        List<Double> out = new ArrayList<>();
        runs.headMap(seeds).values().forEach(v -> {
            if (v != null) out.add(v);
        });
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@link #values(String, int)} of every arm at its seeds in {@code rounds}. */
    public Map<String, double[]> values(SeedRounds rounds) {
        Map<String, double[]> out = new TreeMap<>();
        for (String arm : rounds.arms()) out.put(arm, values(arm, rounds.seeds(arm)));
        return out;
    }

    /** How many committed runs the arm has. */
    public int runs(String arm) {
        return byArm.getOrDefault(arm, new TreeMap<>()).size();
    }

    /**
     * Replays the rounds over these outcomes (the runs of an adaptive sweep's version): every round whose runs are all
     * committed is decided as the driver decided it; stops at the first round with a run missing (a sweep still
     * running or interrupted), or when every arm has stopped.
     */
    public SeedRounds replay(SeedRule rule) {
        SeedRounds rounds = new SeedRounds(rule, List.copyOf(byArm.keySet()));
        while (!rounds.done() && rounds.arms().stream().allMatch(a -> complete(a, rounds.seeds(a)))) {
            rounds.decide(values(rounds));
        }
        return rounds;
    }
}
