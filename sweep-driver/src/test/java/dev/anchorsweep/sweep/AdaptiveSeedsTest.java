package dev.anchorsweep.sweep;

import dev.anchorsweep.analysis.adaptive.SeedMetric;
import dev.anchorsweep.analysis.adaptive.SeedRule;
import dev.anchorsweep.config.ConfigProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.anchorsweep.sweep.SweepFiles.lineOf;
import static dev.anchorsweep.sweep.SweepFiles.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** grid.seeds { adaptive { ... } }: the plan holds every arm's most seeds with the rule; mistakes with file:line. */
class AdaptiveSeedsTest {

    @TempDir
    Path dir;
    SweepFiles files;

    @BeforeEach
    void setUp() {
        files = new SweepFiles(dir);
    }

    static String sweep(String seeds) {
        return """
                sweep.name = adaptive
                run { include "runs/ex-2.9.1.conf" }
                grid {
                  seeds %s
                  settings { "training.batch-size" = [32, 64] }
                }
                """.formatted(seeds);
    }

    @Test
    void anAdaptiveArmPlansTheRunsOfTheSameFixedArmUpToMax() {
        SweepPlan adaptive = files.plan(sweep("{ adaptive { start = 2, step = 2, max = 6, width = 0.05 } }"));
        SweepPlan fixed = files.plan(sweep("= \"0..5\""));
        assertEquals(new SeedRule(2, 2, 6, 0.05, SeedMetric.parse("score"), 0.95, 2000, false), adaptive.adaptive());
        assertNull(fixed.adaptive());
        assertEquals(fixed.runs().stream().map(PlannedRun::runId).toList(),
                adaptive.runs().stream().map(PlannedRun::runId).toList(), "same run ids: round r spends seeds of the"
                        + " fixed arm in order");
        assertEquals(List.of(0, 1, 2, 3, 4, 5), adaptive.arms().get(0).runs().stream().map(PlannedRun::seed).toList());
    }

    @Test
    void validateShowsTheRunsPerArmAndTheRule() {
        String table = PlanTable.render(files.plan(sweep("{ adaptive { start = 2, step = 2, max = 6, width = 0.05,"
                + " metric = val_recon, pareto-only = true } }")));
        assertTrue(table.contains("runs         4 to 12 = 2 arms × 2 to 6 seeds, in at most 3 rounds\n"), table);
        assertTrue(table.contains("adaptive     seeds 0..1 first, then 2 more per round while the 95% bootstrap interval"
                + " of the median val_recon is wider than 0.05, up to 6 seeds (2000 resamples; an arm that can no"
                + " longer be the best stops)\n"), table);
        assertTrue(table.contains("training.batch-size=32  2..6\n"), table);
    }

    private void assertProblem(String adaptive, String key, String fragment) {
        String text = sweep("{ adaptive { " + adaptive + " } }");
        List<ConfigProblem> problems = files.problems(text);
        ConfigProblem p = problem(problems, "grid.seeds.adaptive" + (key == null ? "" : "." + key), fragment);
        assertEquals(dir.resolve("sweep.conf") + ":" + lineOf(text, "adaptive {"), p.origin());
    }

    @Test
    void mistakesAreLocated() {
        assertProblem("start = 1, width = 0.05", "start", "must be at least 2 (an interval needs at least 2 runs), but got 1");
        assertProblem("step = 0, width = 0.05", "step", "must be at least 1 (a round adds at least one seed), but got 0");
        assertProblem("start = 10, max = 6, width = 0.05", "max", "must be at least 10 (max is the most seeds an arm takes,"
                + " so at least start (10)), but got 6");
        assertProblem("width = 0", "width", "must be > 0 (an interval's width, upper − lower bound), but got 0.0");
        assertProblem("width = -0.1", "width", "must be > 0");
        assertProblem("start = 2", null, "needs 'width'");
        assertProblem("width = 0.05, metric = recon", "metric", "unknown metric 'recon' (valid: score"
                + " (runs.selection_score), val_recon, final_recon or scores.<intervention>)");
        assertProblem("width = 0.05, confidence = 1.5", "confidence", "must be a number between 0 and 1");
        assertProblem("width = 0.05, stop = 3", "stop", "unknown setting 'stop'");
        assertProblem("width = 0.05, start = two", "start", "must be a whole number, but got \"two\" (string)");
    }

    @Test
    void anObjectOfSeedsMustBeAdaptive() {
        String text = sweep("{ first = 0 }");
        problem(files.problems(text), "grid.seeds.first", "unknown setting 'first'");
    }
}
