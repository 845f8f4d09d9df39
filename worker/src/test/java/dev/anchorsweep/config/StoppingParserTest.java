package dev.anchorsweep.config;

import dev.anchorsweep.property.Condition;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.stopping.StopRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code stopping} section: what it parses to, its place in the run id, and each mistake with file:line. */
class StoppingParserTest {

    @TempDir
    Path dir;

    static final String BASE = ReactiveParserTest.BASE + "training { steps = 1000, validate-every = 100 }\n";

    private RunSpec parse(String run) throws IOException {
        Path file = dir.resolve("run.conf");
        Files.writeString(file, "run {\n" + run + "\n}\n");
        return new RunConfigParser(dir).parse(ConfigFiles.load(file).getObject("run"), "run");
    }

    private Set<String> problems(String run) {
        var e = assertThrows(InvalidConfigException.class, () -> parse(run));
        return e.problems().stream().map(ConfigProblem::toString).collect(Collectors.toSet());
    }

    @Test
    void rulesParseWithTheirDefaultsAndEnterTheRunIdOnlyWhenGiven() throws IOException {
        RunSpec run = parse(BASE + """
                stopping {
                  reconstructing { metric = validation.recon, after = 500, above = 0.02 }
                  behind-median { metric = validation.anchor, median-factor = 3, after = 300, min-runs = 3 }
                  converged { metric = validation.recon, below = 1e-5 }
                }
                """);
        assertEquals(Set.of(
                new StopRule.Threshold("reconstructing", new Condition.Above("validation.recon", 0.02), 500),
                new StopRule.BehindMedian("behind-median", "validation.anchor", 3, 300, 3),
                new StopRule.Threshold("converged", new Condition.Below("validation.recon", 1e-5), 0)),
                Set.copyOf(run.stopping()));
        assertTrue(run.canonical().contains("\"stopping\""), run.canonical());
        RunSpec plain = parse(BASE);
        assertTrue(plain.stopping().isEmpty());
        assertFalse(plain.canonical().contains("stopping"), "no stopping section, no key: run ids stay as they were");
        assertNotEquals(plain.canonical(), run.canonical());
        // min-runs defaults to 1
        assertEquals(List.of(new StopRule.BehindMedian("m", "validation.recon", 2, 0, 1)),
                parse(BASE + "stopping.m { metric = validation.recon, median-factor = 2 }").stopping());
    }

    @Test
    void eachMistakeOfARuleWithItsLine() {
        String file = dir.resolve("run.conf").toString();
        assertEquals(Set.of(
                file + ":10: run.stopping.both.below: give one of 'above', 'below' and 'median-factor', but got above and below",
                file + ":11: run.stopping.none: needs one of 'above', 'below' (a threshold) or 'median-factor' (worse "
                        + "than that many times the median of the arm's runs)",
                file + ":12: run.stopping.late.after: must be in 0..999, but got 1000",
                file + ":13: run.stopping.zero.median-factor: must be > 0 (a run is stopped when its value is above "
                        + "factor × the median), but got 0",
                file + ":14: run.stopping.few.min-runs: must be in 1..2147483647, but got 0",
                file + ":15: run.stopping.threshold-runs.min-runs: min-runs belongs to a median rule (median-factor), "
                        + "not to a threshold ('above')"),
                problems(BASE + """
                        stopping {
                          both { metric = validation.recon, above = 0.1, below = 0.01 }
                          none { metric = validation.recon, after = 10 }
                          late { metric = validation.recon, after = 1000, above = 0.1 }
                          zero { metric = validation.recon, median-factor = 0 }
                          few { metric = validation.recon, median-factor = 2, min-runs = 0 }
                          threshold-runs { metric = validation.recon, above = 0.1, min-runs = 3 }
                        }
                        """));
    }

    @Test
    void onlyValidationMetricsAndOnlyTheFusedEngine() {
        Set<String> metric = problems(BASE + "stopping.r { metric = loss.recon, above = 0.1 }");
        assertEquals(1, metric.size(), metric.toString());
        assertTrue(metric.iterator().next().contains("run.stopping.r.metric: 'loss.recon' is not valid")
                && metric.iterator().next().contains("(valid: validation.recon, validation.anchor)"), metric.toString());
        Set<String> engine = problems(BASE.replace("validate-every = 100", "validate-every = 100, engine = samediff")
                + "stopping.r { metric = validation.recon, above = 0.1 }");
        assertEquals(1, engine.size(), engine.toString());
        assertTrue(engine.iterator().next().endsWith("run.training.engine: the samediff engine cannot train this run: "
                + "stopping rules are fused-only (use auto or fused)"), engine.toString());
    }
}
