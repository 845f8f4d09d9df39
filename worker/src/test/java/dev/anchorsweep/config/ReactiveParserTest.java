package dev.anchorsweep.config;

import dev.anchorsweep.property.Condition;
import dev.anchorsweep.property.Goal;
import dev.anchorsweep.property.ReactiveRule;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;
import dev.anchorsweep.schedule.Dopesheet;
import dev.anchorsweep.schedule.KeyframeSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code reactive} section and {@code training.recon-weight}: what they parse to, and each mistake with file:line. */
class ReactiveParserTest {

    @TempDir
    Path dir;

    static final String BASE = """
            model { latent-dim = 4, layers = 1, bottleneck = none, output = sigmoid }
            concepts.red { label = "primary(red)", power = 10, scale = 0.5 }
            regularizers {
              anchor { type = euclidean-anchor, concept = red, point = [1, 0, 0, 0], weight = 0.006 }
              separate { type = separate, power = 10, shift = false, weight = 0.001 }
            }
            """;

    private RunSpec parse(String run) throws IOException {
        Path file = dir.resolve("run.conf");
        Files.writeString(file, "run {\n" + run + "\n}\n");
        return new RunConfigParser(dir).parse(ConfigFiles.load(file).getObject("run"), "run");
    }

    private InvalidConfigException invalid(String run) throws IOException {
        return assertThrows(InvalidConfigException.class, () -> parse(run));
    }

    @Test
    void rulesParseWithTheirDefaults() throws IOException {
        RunSpec run = parse(BASE + """
                reactive {
                  anchor-up { property = anchor, when { metric = validation.recon, below = 0.01 }, target = 0.5, duration = 200 }
                  lr-down { property = lr, when { metric = loss.total, stalled { steps = 500, by = 0.01 } }, factor = 0.5,
                            duration = 100, once = false }
                }
                """);
        assertEquals(List.of(
                new ReactiveRule("anchor-up", "anchor", new Condition.Below("validation.recon", 0.01),
                        new Goal.Target(0.5), 200, true),
                new ReactiveRule("lr-down", "lr", new Condition.Stalled("loss.total", 500, 0.01), new Goal.Factor(0.5),
                        100, false)), run.reactive());
        assertTrue(run.canonical().contains("\"reactive\":{\"anchor-up\":{\"duration\":200,\"once\":true,"
                + "\"property\":\"anchor\",\"target\":0.5,\"when\":{\"below\":0.01,\"metric\":\"validation.recon\"}}"),
                run.canonical());
        assertNotEquals(parse(BASE).canonical(), run.canonical());
        assertTrue(!parse(BASE).canonical().contains("reactive"), "no reactive section: not in the run id");
    }

    @Test
    void reconWeightIsASchedule() throws IOException {
        assertEquals(TrainingSpec.RECON_WEIGHT, parse(BASE).training().reconWeight());
        assertTrue(!parse(BASE).canonical().contains("recon-weight"));
        assertEquals(KeyframeSchedule.constant(0.5), parse(BASE + "training.recon-weight = 0.5").training().reconWeight());
        Path sheet = dir.resolve("smooth.csv");
        Files.writeString(sheet, "STEP,PHASE,ACTION,lr,loss-recon\n0,One,,1e-8,1.0\n+10,,,0.01,\n500,Two,,,0.5\n");
        RunSpec run = parse(BASE + "training.recon-weight { dopesheet = \"smooth.csv\", column = loss-recon }");
        assertEquals(Dopesheet.read(sheet).schedule("loss-recon"), run.training().reconWeight());
        assertTrue(run.canonical().contains("\"recon-weight\""));
        var e = invalid(BASE + "training.recon-weight = [[0, 1], [10, -0.5]]");
        assertEquals("run.training.recon-weight", e.problems().get(0).path());
        assertEquals("the reconstruction weight must be ≥ 0, but the schedule reaches -0.5", e.problems().get(0).message());
    }

    @Test
    void unknownPropertyNamesTheValidOnes() throws IOException {
        var e = invalid(BASE + "reactive.r { property = anchr, when { metric = validation.recon, below = 0.1 },\n"
                + "  target = 1, duration = 10 }");
        ConfigProblem p = e.problems().get(0);
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(dir.resolve("run.conf") + ":8", p.origin());
        assertEquals("run.reactive.r.property", p.path());
        assertEquals("'anchr' is not valid; did you mean 'anchor'? (valid: lr, recon, anchor, separate)", p.message());
    }

    @Test
    void unknownMetricNamesTheValidOnes() throws IOException {
        var e = invalid(BASE + "reactive.r {\n property = lr\n when {\n  metric = validation.separate\n  below = 0.1\n }\n"
                + " target = 1\n duration = 10\n}");
        ConfigProblem p = e.problems().get(0);
        assertEquals(dir.resolve("run.conf") + ":11", p.origin());
        assertEquals("run.reactive.r.when.metric", p.path());
        // separation is not validated (O(B²)), so it has no validation metric
        assertTrue(p.message().startsWith("'validation.separate' is not valid"), p.message());
        assertTrue(p.message().contains("(valid: validation.recon, validation.anchor, loss.recon, loss.total, "
                + "loss.anchor, loss.separate)"), p.message());
    }

    @Test
    void eachMistakeOfARuleWithItsLine() throws IOException {
        var e = invalid(BASE + """
                reactive {
                  both { property = lr, when { metric = loss.recon, below = 0.1, above = 0.2 }, target = 1, duration = 10 }
                  two-goals { property = lr, when { metric = loss.recon, below = 0.1 }, target = 1, factor = 2, duration = 10 }
                  short { property = lr, when { metric = loss.recon, below = 0.1 }, target = 1, duration = 0 }
                  no-condition { property = lr, when { metric = loss.recon }, target = 1, duration = 10 }
                  bad-stall { property = lr, when { metric = loss.recon, stalled { steps = 0, by = 0.1 } }, factor = 1, duration = 10 }
                }
                """);
        String file = dir.resolve("run.conf").toString();
        assertEquals(Set.of(
                file + ":9: run.reactive.both.when.above: give one of 'below', 'above' and 'stalled', but got below and above",
                file + ":12: run.reactive.no-condition.when: needs one of 'below', 'above' or 'stalled { steps, by }'",
                file + ":11: run.reactive.short.duration: must be in 1..2147483647, but got 0",
                file + ":10: run.reactive.two-goals.factor: give either 'target' (a value) or 'factor' (of the current "
                        + "value), not both",
                file + ":13: run.reactive.bad-stall.when.stalled.steps: must be in 1..2147483647, but got 0"),
                e.problems().stream().map(ConfigProblem::toString).collect(Collectors.toSet()));
    }

}
