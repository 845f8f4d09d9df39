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
        assertEquals(List.of("run_flags", "arm_runs", "run_errors", "arm_summary", "selection_candidates", "best_runs",
                "best_run_colors", "selectivity", "latent_geometry", "sampled_settings", "run_phases", "loss_spikes",
                "phase_loss", "spike_summary", "stopping_summary", "adaptive_arms"), catalog.views());
        Row diverging = spark.sql("SELECT ok, failed, degenerate FROM arm_runs WHERE arm = 'diverging'").first();
        assertEquals(0L, diverging.getLong(0));
        assertEquals(4L, diverging.getLong(1));
        Row wild = spark.sql("SELECT ok, failed, degenerate FROM arm_runs WHERE arm = 'wild'").first();
        assertEquals(List.of(4L, 0L, 4L), List.of(wild.getLong(0), wild.getLong(1), wild.getLong(2)));
    }

    /**
     * Degenerate runs, by the rule written out here from the README: an ok run whose val_recon is above 0.08 (a
     * constant mid-grey output scores 0.0888 on the validation colours), or above 10 × its arm's median val_recon and
     * above 0.01. The lr-10 arm trains "ok" into such models; the others do not.
     */
    @Test
    void degenerateRunsAreFlaggedAndLeftOutOfTheSummary() {
        Map<String, Set<String>> expected = expectedDegenerate();
        assertEquals(4, expected.get("wild").size(), "every lr-10 run is degenerate: " + expected);
        assertEquals(Set.of("wild"), expected.keySet(), "only the lr-10 runs: " + expected);
        Set<String> flagged = new java.util.TreeSet<>();
        for (Row r : spark.sql("SELECT run_id, degenerate_reason FROM run_flags WHERE degenerate").collectAsList()) {
            flagged.add(r.getString(0));
            assertTrue(r.getString(1).startsWith("val recon "), r.toString());
        }
        assertEquals(new java.util.TreeSet<>(expected.get("wild")), flagged);
        assertEquals(flagged, new java.util.TreeSet<>(spark.sql("SELECT DISTINCT run_id FROM run_errors WHERE degenerate")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList()));
        assertEquals(0L, spark.sql("SELECT count(*) FROM arm_summary WHERE arm = 'wild'").first().getLong(0),
                "an arm whose ok runs are all degenerate has no statistics");
    }

    @Test
    void armSummaryMediansMatchTheRawRows() {
        Map<String, String> armOf = usableRuns();
        // run -> intervention -> colour -> error, from the raw named rows
        Map<String, Map<String, Map<String, Double>>> errors = new HashMap<>();
        Map<String, Double> chroma = new HashMap<>();
        for (Row r : spark.sql("SELECT e.run_id, e.intervention, e.color_name, e.error, e.similarity, e.r, e.g, e.b, "
                + "x.arm FROM evaluations e JOIN runs x USING (sweep_id, run_id) WHERE e.color_set = 'named'")
                .collectAsList()) {
            String color = r.getString(2);
            if (r.getString(8).equals("hue")) assertTrue(r.isNullAt(4), "a vibrancy concept has no concept colour");
            else if (OFF_TARGET.contains(color)) assertEquals(0.0, r.getDouble(4), 1e-12, color + " is off-target");
            else assertTrue(r.getDouble(4) > 0, color + " is similar to red");
            double max = Math.max(r.getDouble(5), Math.max(r.getDouble(6), r.getDouble(7)));
            double min = Math.min(r.getDouble(5), Math.min(r.getDouble(6), r.getDouble(7)));
            chroma.put(color, max - min);
            errors.computeIfAbsent(r.getString(0), k -> new HashMap<>()).computeIfAbsent(r.getString(1),
                    k -> new HashMap<>()).put(color, r.getDouble(3));
        }
        // vibrancy (max − min of r, g, b) is 1 on the 12 hues and 0 on black, the greys and white
        List<String> hues = chroma.keySet().stream().filter(c -> chroma.get(c) == 1).sorted().toList();
        List<String> achromatic = chroma.keySet().stream().filter(c -> chroma.get(c) == 0).sorted().toList();
        assertEquals(12, hues.size(), hues.toString());
        assertEquals(List.of("black", "dark-gray", "gray", "light-gray", "white"), achromatic);
        // arm -> intervention -> metric -> values over seeds
        Map<String, Map<String, Map<String, List<Double>>>> values = new TreeMap<>();
        errors.forEach((run, byIntervention) -> {
            if (!armOf.containsKey(run)) return;
            boolean group = armOf.get(run).equals("hue");
            byIntervention.forEach((intervention, colors) -> {
                Map<String, List<Double>> m = values.computeIfAbsent(armOf.get(run), k -> new TreeMap<>())
                        .computeIfAbsent(intervention, k -> new HashMap<>());
                if (group) {
                    m.computeIfAbsent("concept", k -> new ArrayList<>()).add(percentile(hues.stream()
                            .map(colors::get).toList(), 0.5));
                    m.computeIfAbsent("off", k -> new ArrayList<>()).add(achromatic.stream().mapToDouble(colors::get)
                            .max().orElseThrow());
                    m.computeIfAbsent("mean off", k -> new ArrayList<>()).add(achromatic.stream()
                            .mapToDouble(colors::get).average().orElseThrow());
                } else {
                    m.computeIfAbsent("concept", k -> new ArrayList<>()).add(colors.get("red"));
                    m.computeIfAbsent("complement", k -> new ArrayList<>()).add(colors.get("cyan"));
                    m.computeIfAbsent("off", k -> new ArrayList<>()).add(OFF_TARGET.stream().mapToDouble(colors::get)
                            .max().orElseThrow());
                }
            });
        });
        List<Row> summary = spark.sql("SELECT * FROM arm_summary").collectAsList();
        assertEquals(2 * 3 + 2, summary.size(), "two red arms × (baseline, suppress, ablate) + hue × (baseline, ablate)");
        for (Row row : summary) {
            String arm = row.getAs("arm"), intervention = row.getAs("intervention");
            Map<String, List<Double>> expected = values.get(arm).get(intervention);
            assertEquals(4L, (long) row.getAs("runs"));
            String where = arm + "/" + intervention;
            if (arm.equals("hue")) {
                assertEquals("group", row.getAs("concept_kind"));
                assertEquals("hues", row.getAs("concept_label"));
                assertEquals(12L, (long) row.getAs("concept_colors"));
                assertEquals("achromatic", row.getAs("off_target_label"));
                assertEquals(5L, (long) row.getAs("off_target_colors"));
                assertTrue(row.isNullAt(row.fieldIndex("concept_color")), "concept_color");
                assertTrue(row.isNullAt(row.fieldIndex("complement_color")), "complement_color");
                assertTrue(row.isNullAt(row.fieldIndex("complement_error_median")), "complement_error_median");
                assertEquals(percentile(expected.get("mean off"), 0.5), row.<Double>getAs("mean_off_target_error_median"),
                        1e-15, where);
            } else {
                assertEquals("color", row.getAs("concept_kind"));
                assertEquals("red", row.getAs("concept_color"));
                assertEquals("red", row.getAs("concept_label"));
                assertEquals("cyan", row.getAs("complement_color"));
                checkQuartiles(expected.get("complement"), row, "complement_error", where);
            }
            checkQuartiles(expected.get("concept"), row, "concept_error", where);
            checkQuartiles(expected.get("off"), row, "off_target_error", where);
        }
    }

    /**
     * The end-of-sweep summary (built from the workers' outcomes by ConceptErrors, not from SQL) prints the same medians
     * as arm_summary: the hue arm as "hues/achromatic", the lr-10 arm with its 4 degenerate runs and no medians.
     */
    @Test
    void sweepSummaryCoversColourGroupsAndDegenerateRuns() {
        String log = ReportSweep.log();
        String hue = log.lines().filter(l -> l.startsWith("hue ")).findFirst().orElseThrow(() -> new AssertionError(log));
        Row ablate = spark.sql("SELECT concept_error_median, off_target_error_median FROM arm_summary "
                + "WHERE arm = 'hue' AND intervention = 'ablate'").first();
        assertTrue(hue.contains("hues/achromatic"), hue);
        assertTrue(hue.contains(String.format("%.4f / %.4f", ablate.getDouble(0), ablate.getDouble(1))), hue + "\n" + ablate);
        String wild = log.lines().filter(l -> l.startsWith("wild ")).findFirst().orElseThrow();
        assertTrue(wild.matches("wild +4 +0 +4 +red/cyan +- +- +-\\s*"), wild);
        assertTrue(log.contains("the median error of the concept's colour group / the worst error of the other named "
                + "colours"), log);
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
            assertEquals(Set.of("plain", "wild").contains(r.getString(0)) ? Set.of("recon", "anchor") : Set.of("recon"),
                    metrics.keySet());
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
        assertEquals(Set.of("plain", "isolated", "hue", "wild"), best.keySet(), "an arm without ok runs has no best run");
        assertTrue(onFront.values().stream().anyMatch(b -> !b), "some run is dominated: " + onFront);
    }

    @Test
    void selectivityScoreMatchesAnIndependentRecomputation() {
        Map<String, Double> power = Map.of("suppress", 2.0, "ablate", 3.0);
        Map<String, List<double[]>> grid = new LinkedHashMap<>(); // run|intervention -> (r, g, b, error)
        // the runs scored against red (the hue arm's ablation is scored against vibrancy, which the view leaves out)
        for (Row r : spark.sql("SELECT e.run_id, e.intervention, e.r, e.g, e.b, e.error FROM evaluations e JOIN runs x "
                + "USING (sweep_id, run_id) WHERE e.color_set = 'rgb-grid' AND e.intervention <> 'baseline' "
                + "AND x.arm <> 'hue'").collectAsList()) {
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
        assertEquals(3 * 4 * 2, grid.size(), "three ok red arms × 4 seeds × 2 scored interventions");
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
        // and the arms' median scores are medians of these, over the runs that are not degenerate
        for (Row row : spark.sql("SELECT arm, intervention, score_median FROM arm_summary WHERE intervention <> 'baseline'")
                .collectAsList()) {
            List<Double> scores = new ArrayList<>();
            Map<String, String> armOf = usableRuns();
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

    /** The ok runs that are not degenerate, with their arms. */
    private static Map<String, String> usableRuns() {
        Set<String> degenerate = expectedDegenerate().values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        Map<String, String> armOf = new HashMap<>();
        for (Row r : spark.sql("SELECT run_id, arm FROM runs WHERE status = 'ok'").collectAsList()) {
            if (!degenerate.contains(r.getString(0))) armOf.put(r.getString(0), r.getString(1));
        }
        return armOf;
    }

    /** arm → its degenerate runs, by the README's rule applied to the raw runs rows. */
    private static Map<String, Set<String>> expectedDegenerate() {
        Map<String, Map<String, Double>> recon = new TreeMap<>();
        for (Row r : spark.sql("SELECT arm, run_id, val_recon FROM runs WHERE status = 'ok'").collectAsList()) {
            recon.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getString(1), r.getDouble(2));
        }
        Map<String, Set<String>> degenerate = new TreeMap<>();
        recon.forEach((arm, runs) -> {
            double median = percentile(new ArrayList<>(runs.values()), 0.5);
            runs.forEach((run, v) -> {
                if (v > 0.08 || (v > 10 * median && v > 0.01)) {
                    degenerate.computeIfAbsent(arm, k -> new java.util.TreeSet<>()).add(run);
                }
            });
        });
        return degenerate;
    }
}
