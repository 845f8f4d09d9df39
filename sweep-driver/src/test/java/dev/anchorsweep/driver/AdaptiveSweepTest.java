package dev.anchorsweep.driver;

import dev.anchorsweep.analysis.adaptive.AdaptiveArmsView;
import dev.anchorsweep.analysis.adaptive.ArmStatus;
import dev.anchorsweep.analysis.report.AdaptiveSeedsSection;
import dev.anchorsweep.analysis.report.ReportFiles;
import dev.anchorsweep.analysis.report.Section;
import dev.anchorsweep.analysis.sql.ResultCatalog;
import dev.anchorsweep.job.RunTicket;
import dev.anchorsweep.sweep.SweepPlan;
import dev.anchorsweep.sweep.SweepPlanner;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real tiny adaptive sweep (2 arms, 30 steps, start 2, step 2, max 6) on embedded Spark: one Spark job per round,
 * the version's run ids are the runs trained, a rerun trains nothing and decides the same, the view agrees.
 */
class AdaptiveSweepTest {

    @TempDir
    Path dir;

    static Path paperRuns() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("configs/paper/runs"))) return p.resolve("configs/paper/runs");
        }
        throw new IllegalStateException("configs/paper/runs not found");
    }

    SweepRunner.Sweep sweep(double width) throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.conf"), """
                sweep.name = tiny
                run { include "%s", training.steps = 30 }
                grid {
                  seeds { adaptive { start = 2, step = 2, max = 6, width = %s } }
                  settings { "training.batch-size" = [32, 64] }
                }
                """.formatted(paperRuns().resolve("ex-2.9.1.conf"), width));
        SweepPlan plan = SweepPlanner.load(file);
        List<RunTicket> tickets = plan.runs().stream()
                .map(r -> new RunTicket(plan.name(), r.runId(), r.arm(), r.axes(), r.spec())).toList();
        return new SweepRunner.Sweep(plan.name(), plan.config().configText(), file.toString(), tickets, plan.adaptive());
    }

    SweepRunner.Result run(SweepRunner.Sweep sweep, ByteArrayOutputStream log) throws Exception {
        var options = new SweepRunner.Options(dir.resolve("out").toString(), "local[2,3]", 64, false, Map.of(), 500);
        return new SweepRunner().run(sweep, options, new PrintStream(log, true));
    }

    @Test
    void roundsAreSparkJobsUntilEveryArmStopsAndARerunResumesWithTheSameDecisions() throws Exception {
        SweepRunner.Sweep sweep = sweep(1e-6); // narrower than any real spread: both arms go on to max
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SweepRunner.Result first = run(sweep, log);
        String text = log.toString();
        System.out.println(text);
        assertEquals(List.of(4, 4, 4), trainingLines(text), "one Spark job per round: 2 arms × 2 seeds each time");
        assertTrue(text.contains("round 1: 2 arms × 2 seeds (4 runs, 4 to train)\n"), text);
        assertTrue(text.contains("round 2: 2 arms need more seeds (+4 runs)\n"), text);
        assertTrue(text.contains("round 3: 2 arms need more seeds (+4 runs)\n"), text);
        assertTrue(text.contains("adaptive seeds: every arm stopped after 3 rounds, 12 runs\n"), text);
        assertEquals(12, first.total());
        assertEquals(12, first.trained());
        assertEquals(List.of(6, 6), first.adaptiveArms().stream().map(ArmStatus::seeds).toList());
        assertTrue(first.adaptiveArms().stream().allMatch(a -> a.stop() == ArmStatus.Stop.MAX), first.adaptiveArms().toString());

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        SweepRunner.Result second = run(sweep, again);
        assertEquals(0, second.trained(), again.toString());
        assertEquals(List.of(), trainingLines(again.toString()));
        assertTrue(again.toString().contains("round 3: 2 arms need more seeds (+4 runs, 4 already committed)\n"),
                again.toString());
        assertEquals(first.adaptiveArms(), second.adaptiveArms(), "the same decisions from the committed outcomes");
        assertEquals(12, second.ok(), "the summary counts every run of the rounds");
        assertEquals(12, second.total());

        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", false).getOrCreate();
        try {
            ResultCatalog catalog = ResultCatalog.open(spark, dir.resolve("out").toUri().toString());
            assertTrue(catalog.views().contains(AdaptiveArmsView.NAME));
            Set<String> planned = new TreeSet<>(spark.sql("SELECT explode(run_ids) FROM sweeps").collectAsList()
                    .stream().map(r -> r.getString(0)).toList());
            Set<String> stored = new TreeSet<>(spark.sql("SELECT DISTINCT run_id FROM stored_runs").collectAsList()
                    .stream().map(r -> r.getString(0)).toList());
            assertEquals(stored, planned, "the version's run ids are the runs trained");
            assertEquals(sweep.runs().stream().map(RunTicket::runId).collect(Collectors.toCollection(TreeSet::new)),
                    planned, "max = 6: every planned seed was spent");
            List<Row> rows = spark.sql("SELECT arm, seeds, ok, median, ci_low, ci_high, stopped FROM adaptive_arms ORDER BY arm")
                    .collectAsList();
            assertEquals(2, rows.size());
            for (int i = 0; i < 2; i++) {
                ArmStatus s = first.adaptiveArms().get(i);
                Row r = rows.get(i);
                assertEquals(List.of(s.arm(), 6, 6, s.interval().median(), s.interval().low(), s.interval().high(), "max"),
                        List.of(r.getString(0), r.getInt(1), r.getInt(2), r.getDouble(3), r.getDouble(4), r.getDouble(5),
                                r.getString(6)));
            }
            // the report's section: the rule, the runs spent, one row per arm with its seeds and why it stopped
            Section section = AdaptiveSeedsSection.render(catalog, "tiny", new ReportFiles(dir.resolve("report")));
            String html = section.html();
            assertTrue(html.contains("<h2>Adaptive seeds</h2>"), html);
            assertTrue(html.contains("12 runs of at most 12."), html);
            for (ArmStatus s : first.adaptiveArms()) {
                String row = java.util.Arrays.stream(html.split("<tr")).filter(r -> r.contains(">" + s.arm() + "</td>"))
                        .findFirst().orElse("");
                assertTrue(row.matches("(?s).*>6</td><td[^>]*>6</td>.*>max</td>.*"), s.arm() + " in " + html);
            }
            Matcher csv = Pattern.compile("href=\"(csv/[^\"]+\\.csv)\"").matcher(html);
            assertTrue(csv.find() && Files.readString(dir.resolve("report").resolve(csv.group(1))).lines().count() == 3,
                    "its CSV: a header and a line per arm");
        } finally {
            spark.stop();
        }
    }

    @Test
    void aWideEnoughWidthStopsEveryArmAfterTheFirstRound() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SweepRunner.Result result = run(sweep(100), log);
        assertEquals(List.of(4), trainingLines(log.toString()), log.toString());
        assertEquals(4, result.total());
        assertTrue(result.adaptiveArms().stream().allMatch(a -> a.stop() == ArmStatus.Stop.WIDTH && a.seeds() == 2),
                result.adaptiveArms().toString());
        assertTrue(log.toString().contains("adaptive seeds: every arm stopped after 1 round, 4 runs\n"), log.toString());
    }

    @Test
    void committedRunsOfTheFirstRoundAreReusedAndTheSweepResumesAtRoundTwo() throws Exception {
        SweepRunner.Sweep sweep = sweep(1e-6);
        // as if a run was stopped after round 1: its runs (seeds 0 and 1 of each arm) are committed
        List<RunTicket> firstRound = sweep.runs().stream().filter(t -> t.spec().seed() < 2).toList();
        assertEquals(4, run(new SweepRunner.Sweep(sweep.name(), "round 1 only", null, firstRound),
                new ByteArrayOutputStream()).trained());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SweepRunner.Result result = run(sweep, log);
        assertTrue(log.toString().contains("round 1: 2 arms × 2 seeds (4 runs, 0 to train)\n"), log.toString());
        assertEquals(List.of(4, 4), trainingLines(log.toString()), "rounds 2 and 3 train");
        assertEquals(8, result.trained());
        assertEquals(12, result.total());
    }

    /** The run count of every "training N runs" line: one per Spark job that trains. */
    static List<Integer> trainingLines(String log) {
        Matcher m = Pattern.compile("(?m)^training (\\d+) runs in").matcher(log);
        List<Integer> out = new java.util.ArrayList<>();
        while (m.find()) out.add(Integer.parseInt(m.group(1)));
        return out;
    }
}
