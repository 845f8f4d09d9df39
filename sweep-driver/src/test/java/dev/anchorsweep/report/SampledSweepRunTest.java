package dev.anchorsweep.report;

import dev.anchorsweep.analysis.sql.ResultCatalog;
import dev.anchorsweep.cli.Cli;
import dev.anchorsweep.sweep.PlannedRun;
import dev.anchorsweep.sweep.SweepPlanner;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tiny real sampled sweep (the isolated recipe × 30 steps; the lr's keyframe at step 10 and the step where the
 * anchor's weight reaches its plateau, both of which change the first 30 steps, at 4 Sobol points; 1 seed): {@code runs.axes} holds every sampled number as planned, the {@code sampled_settings} view and the
 * report's variance ranking and best region against the same numbers computed here from the runs rows, and the
 * report's section with its charts.
 */
class SampledSweepRunTest {

    static final String CONFIG = """
            sweep { name = sampled-test }
            run {
              include "ex-2.9.1.conf"
              training { steps = 30, validate-every = 15 }
              evaluation { sets = [named, rgb-grid], latents { set = rgb-grid } }
            }
            samples {
              points = 4
              settings {
                "training.lr[1].value" { distribution = log-uniform, min = 0.003, max = 0.3 }
                "regularizers.anchor.weight[1].step" { distribution = int-uniform, min = 20, max = 200 }
              }
            }
            """;

    @TempDir
    static Path dir;
    static Path config;
    static Path results;
    static Cli run;
    static Cli report;
    static SparkSession spark;
    static ResultCatalog catalog;

    @BeforeAll
    static void runTheSweep() throws Exception {
        Path paperRun = Path.of("").toAbsolutePath().getParent().resolve("configs/paper/runs/ex-2.9.1.conf");
        Files.copy(paperRun, dir.resolve("ex-2.9.1.conf"));
        config = Files.writeString(dir.resolve("sampled.conf"), CONFIG);
        results = dir.resolve("results");
        run = Cli.run("run", config.toString(), "--out", results.toString(), "--master", "local[2]");
        assertEquals(0, run.code(), run.toString());
        // the report command stops the Spark session it used: it runs before this class opens its own
        report = Cli.run("report", results.toString(), "--out", dir.resolve("report").toString());
        spark = SparkSession.builder().master("local[2]").appName("sampled-sweep-test")
                .config("spark.ui.enabled", false).config("spark.sql.shuffle.partitions", 2).getOrCreate();
        catalog = ResultCatalog.open(spark, results.toUri().toString());
    }

    @AfterAll
    static void close() {
        if (spark != null) spark.stop();
    }

    @Test
    void runsAxesHoldTheSampledNumbersAsPlanned() {
        Map<String, PlannedRun> planned = SweepPlanner.load(config).runs().stream()
                .collect(Collectors.toMap(PlannedRun::runId, r -> r));
        List<Row> rows = spark.sql("SELECT run_id, arm, axes FROM runs").collectAsList();
        assertEquals(4, rows.size());
        for (Row row : rows) {
            PlannedRun plan = planned.get(row.getString(0));
            Map<String, String> axes = new TreeMap<>(row.getJavaMap(2));
            assertEquals(new TreeMap<>(plan.axes()), axes);
            assertEquals("sample=" + axes.get("sample"), row.getString(1));
            double lr = Double.parseDouble(axes.get("sample.training.lr[1].value"));
            int step = Integer.parseInt(axes.get("sample.regularizers.anchor.weight[1].step"));
            assertTrue(lr >= 0.003 && lr <= 0.3 && step >= 20 && step <= 200, axes.toString());
        }
    }

    /** Per run: setting → value, and the outcome (selection score), from the runs rows. */
    private static Map<String, Map<String, Double>> valuesFromRuns(Map<String, Double> outcomes) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        for (Row row : spark.sql("SELECT run_id, axes, selection_score FROM runs WHERE status = 'ok'").collectAsList()) {
            Map<String, String> axes = row.getJavaMap(1);
            axes.forEach((k, v) -> {
                if (k.startsWith("sample.")) {
                    out.computeIfAbsent(k.substring(7), x -> new HashMap<>()).put(row.getString(0), Double.valueOf(v));
                }
            });
            outcomes.put(row.getString(0), row.isNullAt(2) ? null : row.getDouble(2));
        }
        return out;
    }

    @Test
    void theSampledSettingsViewPairsEachDrawnValueWithTheOutcome() {
        Map<String, Double> outcomes = new HashMap<>();
        Map<String, Map<String, Double>> values = valuesFromRuns(outcomes);
        List<Row> rows = spark.sql("SELECT run_id, setting, value, outcome, sample, degenerate FROM sampled_settings")
                .collectAsList();
        assertEquals(8, rows.size(), "4 runs × 2 settings");
        for (Row r : rows) {
            assertEquals(values.get(r.getString(1)).get(r.getString(0)), r.getDouble(2));
            assertEquals(outcomes.get(r.getString(0)), r.isNullAt(3) ? null : r.getDouble(3));
            assertTrue(!r.getBoolean(5), "30-step runs of the isolated recipe are not degenerate");
        }
        assertEquals(4, rows.stream().map(r -> r.getDouble(3)).distinct().count(), "the settings change the outcome");
    }

    @Test
    void theVarianceRankingAndTheBestRegionMatchAPlainComputation() {
        Map<String, Double> outcomes = new HashMap<>();
        Map<String, Map<String, Double>> values = valuesFromRuns(outcomes);
        Map<String, Object> args = Map.of("sweep", "sampled-test");
        String importance = dev.anchorsweep.analysis.sql.SqlResource.load("report/sampled_importance.sql").text();
        Map<String, Row> ranked = new HashMap<>();
        for (Row r : catalog.query(importance, args).collectAsList()) ranked.put(r.getString(0), r);
        assertEquals(values.keySet(), ranked.keySet());
        for (String setting : values.keySet()) {
            // 4 runs, 4 distinct values > ⌊√4⌋ = 2 bins: the 2 smallest values and the 2 largest
            List<String> byValue = new ArrayList<>(values.get(setting).keySet());
            byValue.sort(Comparator.comparingDouble(id -> values.get(setting).get(id)));
            double mean = byValue.stream().mapToDouble(outcomes::get).average().orElseThrow();
            double variance = byValue.stream().mapToDouble(id -> Math.pow(outcomes.get(id) - mean, 2)).sum() / 4;
            double low = (outcomes.get(byValue.get(0)) + outcomes.get(byValue.get(1))) / 2;
            double high = (outcomes.get(byValue.get(2)) + outcomes.get(byValue.get(3))) / 2;
            double eta2 = (2 * Math.pow(low - mean, 2) + 2 * Math.pow(high - mean, 2)) / (4 * variance);
            Row r = ranked.get(setting);
            assertEquals(4L, r.getLong(r.fieldIndex("runs")));
            assertEquals(2L, r.getLong(r.fieldIndex("bins")));
            assertEquals(eta2, r.getDouble(r.fieldIndex("eta_squared")), 1e-12, setting);
            assertEquals(1.0 / 3, r.getDouble(r.fieldIndex("noise_floor")), 1e-12);
        }
        String region = dev.anchorsweep.analysis.sql.SqlResource.load("report/sampled_best_region.sql").text();
        String best = outcomes.keySet().stream().max(Comparator.comparingDouble((String id) -> outcomes.get(id))
                .thenComparing(Comparator.reverseOrder())).orElseThrow();
        for (Row r : catalog.query(region, args).collectAsList()) {
            String setting = r.getString(r.fieldIndex("setting"));
            assertEquals(1L, r.getLong(r.fieldIndex("top_runs")), "the top 10 % of 4 runs is 1 run");
            assertEquals(values.get(setting).get(best), r.getDouble(r.fieldIndex("top_min")));
            assertEquals(values.get(setting).get(best), r.getDouble(r.fieldIndex("top_max")));
            double min = values.get(setting).values().stream().mapToDouble(d -> d).min().orElseThrow();
            assertEquals(min, r.getDouble(r.fieldIndex("all_min")));
        }
    }

    @Test
    void theReportHasTheSampledSettingsSection() throws Exception {
        Path out = dir.resolve("report");
        assertEquals(0, report.code(), report.toString());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("id=\"sampled\""), "the section");
        assertTrue(html.contains("4 ok runs at 4 sampled points"), "its summary line");
        for (String png : List.of("img/sampled-training-lr-1-value.png",
                "img/sampled-regularizers-anchor-weight-1-step.png")) {
            assertTrue(html.contains("src=\"" + png + "\""), png);
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
        for (String csv : List.of("sampled-importance.csv", "sampled-best-region.csv", "sampled-points.csv")) {
            assertTrue(Files.size(out.resolve("csv").resolve(csv)) > 0, csv);
        }
    }
}
