package dev.anchorsweep.report;

import dev.anchorsweep.analysis.sql.ResultCatalog;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's views on a small real sweep ({@link ReportSweep}), each against the same numbers computed here in plain
 * Java from the raw rows of the result tables: the per-arm medians and quartiles, the best-run selection, and the
 * selectivity score (recomputed from the rgb-grid rows with this file's own HSV similarity and Pearson correlation).
 */
class ReportQueriesTest {

    /** The named colours whose HSV similarity to red is 0: hue 90° or more away, and the greys (SCA-SPEC §6). */
    static final Set<String> OFF_TARGET = Set.of("lime", "green", "teal", "cyan", "azure", "blue", "purple", "black",
            "dark-gray", "gray", "light-gray", "white");

    static SparkSession spark;
    static ResultCatalog catalog;

    @BeforeAll
    static void open() {
        String results = ReportSweep.results().toUri().toString();
        spark = SparkSession.builder().master("local[2]").appName("report-queries-test")
                .config("spark.ui.enabled", false).config("spark.sql.shuffle.partitions", 2).getOrCreate();
        catalog = ResultCatalog.open(spark, results);
    }

    @AfterAll
    static void close() {
        if (spark != null) spark.stop();
    }

    @Test
    void everyReportViewIsRegistered() {
        assertEquals(List.of("arm_runs", "run_errors", "arm_summary", "selection_candidates", "best_runs",
                "best_run_colors", "selectivity", "latent_geometry"), catalog.views());
        Row diverging = spark.sql("SELECT ok, failed FROM arm_runs WHERE arm = 'diverging'").first();
        assertEquals(0L, diverging.getLong(0));
        assertEquals(4L, diverging.getLong(1));
    }

    @Test
    void armSummaryMediansMatchTheRawRows() {
        Map<String, String> armOf = okRuns();
        // run -> intervention -> colour -> error, from the raw named rows
        Map<String, Map<String, Map<String, Double>>> errors = new HashMap<>();
        for (Row r : spark.sql("SELECT run_id, intervention, color_name, error, similarity FROM evaluations "
                + "WHERE color_set = 'named'").collectAsList()) {
            String color = r.getString(2);
            if (OFF_TARGET.contains(color)) assertEquals(0.0, r.getDouble(4), 1e-12, color + " is off-target");
            else assertTrue(r.getDouble(4) > 0, color + " is similar to red");
            errors.computeIfAbsent(r.getString(0), k -> new HashMap<>()).computeIfAbsent(r.getString(1),
                    k -> new HashMap<>()).put(color, r.getDouble(3));
        }
        // arm -> intervention -> metric -> values over seeds
        Map<String, Map<String, Map<String, List<Double>>>> values = new TreeMap<>();
        errors.forEach((run, byIntervention) -> {
            if (!armOf.containsKey(run)) return;
            byIntervention.forEach((intervention, colors) -> {
                Map<String, List<Double>> m = values.computeIfAbsent(armOf.get(run), k -> new TreeMap<>())
                        .computeIfAbsent(intervention, k -> new HashMap<>());
                m.computeIfAbsent("concept", k -> new ArrayList<>()).add(colors.get("red"));
                m.computeIfAbsent("complement", k -> new ArrayList<>()).add(colors.get("cyan"));
                m.computeIfAbsent("off", k -> new ArrayList<>()).add(OFF_TARGET.stream().mapToDouble(colors::get).max()
                        .orElseThrow());
            });
        });
        List<Row> summary = spark.sql("SELECT * FROM arm_summary").collectAsList();
        assertEquals(2 * 3, summary.size(), "two arms with ok runs × (baseline, suppress, ablate)");
        for (Row row : summary) {
            String arm = row.getAs("arm"), intervention = row.getAs("intervention");
            Map<String, List<Double>> expected = values.get(arm).get(intervention);
            assertEquals(4L, (long) row.getAs("runs"));
            assertEquals("red", row.getAs("concept_color"));
            assertEquals("cyan", row.getAs("complement_color"));
            String where = arm + "/" + intervention;
            checkQuartiles(expected.get("concept"), row, "concept_error", where);
            checkQuartiles(expected.get("complement"), row, "complement_error", where);
            checkQuartiles(expected.get("off"), row, "off_target_error", where);
        }
    }

    @Test
    void bestRunsAreTheParetoFrontsHighestScores() {
        record Candidate(String arm, int seed, String runId, double score, Map<String, Double> metrics, double recon) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Row r : spark.sql("SELECT arm, seed, run_id, selection_score, selection_metrics, val_recon FROM runs "
                + "WHERE status = 'ok'").collectAsList()) {
            Map<String, Double> metrics = new TreeMap<>();
            JavaConverters.mapAsJavaMap(r.<scala.collection.Map<String, Double>>getAs(4)).forEach(metrics::put);
            assertEquals(r.getString(0).equals("plain") ? Set.of("recon", "anchor") : Set.of("recon"), metrics.keySet());
            candidates.add(new Candidate(r.getString(0), r.getInt(1), r.getString(2), r.getDouble(3), metrics,
                    r.getDouble(5)));
        }
        Map<String, Boolean> onFront = new HashMap<>();
        for (Candidate a : candidates) {
            boolean dominated = candidates.stream().anyMatch(b -> b != a && b.arm().equals(a.arm())
                    && b.score() >= a.score()
                    && a.metrics().keySet().stream().allMatch(k -> b.metrics().get(k) <= a.metrics().get(k))
                    && (b.score() > a.score()
                        || a.metrics().keySet().stream().anyMatch(k -> b.metrics().get(k) < a.metrics().get(k))));
            onFront.put(a.runId(), !dominated);
        }
        Map<String, String> expectedBest = new TreeMap<>();
        candidates.stream().filter(c -> onFront.get(c.runId()))
                .collect(Collectors.groupingBy(Candidate::arm))
                .forEach((arm, front) -> expectedBest.put(arm, front.stream()
                        .sorted(Comparator.comparingDouble((Candidate c) -> -c.score())
                                .thenComparingDouble(Candidate::recon).thenComparingInt(Candidate::seed))
                        .findFirst().orElseThrow().runId()));

        Map<String, Boolean> viewFront = new HashMap<>();
        for (Row r : spark.sql("SELECT run_id, on_front FROM selection_candidates").collectAsList()) {
            viewFront.put(r.getString(0), r.getBoolean(1));
        }
        assertEquals(onFront, viewFront);
        Map<String, String> best = new TreeMap<>();
        for (Row r : spark.sql("SELECT arm, run_id FROM best_runs").collectAsList()) best.put(r.getString(0), r.getString(1));
        assertEquals(expectedBest, best);
        assertEquals(Set.of("plain", "isolated"), best.keySet(), "an arm without ok runs has no best run");
        assertTrue(onFront.values().stream().anyMatch(b -> !b), "some run is dominated: " + onFront);
    }

    @Test
    void selectivityScoreMatchesAnIndependentRecomputation() {
        Map<String, Double> power = Map.of("suppress", 2.0, "ablate", 3.0);
        Map<String, List<double[]>> grid = new LinkedHashMap<>(); // run|intervention -> (r, g, b, error)
        for (Row r : spark.sql("SELECT run_id, intervention, r, g, b, error FROM evaluations "
                + "WHERE color_set = 'rgb-grid' AND intervention <> 'baseline'").collectAsList()) {
            grid.computeIfAbsent(r.getString(0) + "|" + r.getString(1), k -> new ArrayList<>())
                    .add(new double[] {r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5)});
        }
        Map<String, Double> stored = new HashMap<>();
        for (Row r : spark.sql("SELECT run_id, s.key, s.value FROM runs LATERAL VIEW explode(scores) s "
                + "WHERE status = 'ok'").collectAsList()) {
            stored.put(r.getString(0) + "|" + r.getString(1), r.getDouble(2));
        }
        Map<String, Double> sql = new HashMap<>();
        for (Row r : spark.sql("SELECT run_id, intervention, sql_score, colors, power FROM selectivity").collectAsList()) {
            sql.put(r.getString(0) + "|" + r.getString(1), r.getDouble(2));
            assertEquals(512L, r.getLong(3));
            assertEquals(power.get(r.getString(1)), r.getDouble(4));
        }
        assertEquals(2 * 4 * 2, grid.size(), "two ok arms × 4 seeds × 2 scored interventions");
        assertEquals(grid.keySet(), sql.keySet());
        grid.forEach((key, rows) -> {
            assertEquals(512, rows.size(), key);
            double p = power.get(key.substring(key.indexOf('|') + 1));
            double[] predictor = rows.stream().mapToDouble(c -> Math.pow(similarityToRed(c[0], c[1], c[2]), p)).toArray();
            double[] error = rows.stream().mapToDouble(c -> c[3]).toArray();
            double r = pearson(predictor, error);
            double expected = r * r;
            assertEquals(expected, sql.get(key), 1e-9, "SQL corr() score of " + key);
            assertNotNull(stored.get(key), key);
            assertEquals(expected, stored.get(key), 1e-6, "runs.scores of " + key);
        });
        // and the arms' median scores are medians of these
        for (Row row : spark.sql("SELECT arm, intervention, score_median FROM arm_summary WHERE intervention <> 'baseline'")
                .collectAsList()) {
            List<Double> scores = new ArrayList<>();
            Map<String, String> armOf = okRuns();
            stored.forEach((key, v) -> {
                String run = key.substring(0, key.indexOf('|'));
                if (row.getString(0).equals(armOf.get(run)) && key.endsWith("|" + row.getString(1))) scores.add(v);
            });
            assertEquals(percentile(scores, 0.5), row.getDouble(2), 1e-12, row.toString());
        }
    }

    /** SCA-SPEC §6 HSV similarity of an rgb colour to red (h 0, s 1, v 1), written out from the spec. */
    static double similarityToRed(double r, double g, double b) {
        double max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b)), delta = max - min;
        double v = max, s = max == 0 ? 0 : delta / max;
        double hueDegrees;
        if (delta == 0) hueDegrees = 0;
        else if (max == r) hueDegrees = 60 * (((g - b) / delta) % 6);
        else if (max == g) hueDegrees = 60 * ((b - r) / delta + 2);
        else hueDegrees = 60 * ((r - g) / delta + 4);
        if (hueDegrees < 0) hueDegrees += 360;
        double dh = Math.min(hueDegrees, 360 - hueDegrees);
        double hueSim = Math.max(0, (90 - dh) / 90);
        double weight = (s * v + 1) / 2;
        return (weight * hueSim + 1 - weight) * (1 - Math.abs(s - 1)) * (1 - Math.abs(v - 1));
    }

    static double pearson(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Linear interpolation between closest ranks at position p·(n−1): what Spark's percentile() computes. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        double pos = p * (sorted.size() - 1);
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        return sorted.get(lo) + (pos - lo) * (sorted.get(hi) - sorted.get(lo));
    }

    private static void checkQuartiles(List<Double> values, Row row, String metric, String where) {
        assertFalse(values.isEmpty(), where);
        assertEquals(percentile(values, 0.5), row.<Double>getAs(metric + "_median"), 1e-15, where + " " + metric + " median");
        assertEquals(percentile(values, 0.25), row.<Double>getAs(metric + "_q1"), 1e-15, where + " " + metric + " q1");
        assertEquals(percentile(values, 0.75), row.<Double>getAs(metric + "_q3"), 1e-15, where + " " + metric + " q3");
        assertEquals(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                row.<Double>getAs(metric + "_min"), 0, where);
        assertEquals(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                row.<Double>getAs(metric + "_max"), 0, where);
    }

    private static Map<String, String> okRuns() {
        Map<String, String> armOf = new HashMap<>();
        for (Row r : spark.sql("SELECT run_id, arm FROM runs WHERE status = 'ok'").collectAsList()) {
            armOf.put(r.getString(0), r.getString(1));
        }
        return armOf;
    }
}
