package dev.anchorsweep.sweep;

import dev.anchorsweep.cli.Cli;
import dev.anchorsweep.config.ConfigProblem;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.schedule.Dopesheet;
import dev.anchorsweep.schedule.Interpolation;
import dev.anchorsweep.schedule.Keyframe;
import dev.anchorsweep.schedule.KeyframeSchedule;
import dev.anchorsweep.sweep.sampling.Distribution;
import dev.anchorsweep.sweep.sampling.NumberText;
import dev.anchorsweep.sweep.sampling.SobolPoints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.anchorsweep.sweep.SweepFiles.lineOf;
import static dev.anchorsweep.sweep.SweepFiles.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep's {@code samples}: keyframes and scalars addressed in a real run config and set to the drawn values,
 * crossed with the grid and seeds, shown by {@code validate}, and every addressing mistake located at file:line.
 */
class SampledSweepTest {

    private static final String ANCHOR = "regularizers.anchor.weight[2].value";
    private static final String END = "regularizers.anti-subspace.weight[-1].step";

    @TempDir
    Path dir;
    SweepFiles files;

    @BeforeEach
    void setUp() {
        files = new SweepFiles(dir);
    }

    private String at(String text, String marker) {
        return dir.resolve("sweep.conf") + ":" + lineOf(text, marker);
    }

    private static final String ISOLATED_SAMPLED = """
            sweep.name = sampled
            run { include "runs/ex-2.9.1.conf" }
            samples {
              points = 4
              settings {
                "regularizers.anchor.weight[2].value" { distribution = log-uniform, min = 0.01, max = 1 }
                "regularizers.anti-subspace.weight[-1].step" { distribution = int-uniform, min = 800, max = 1500 }
              }
            }
            """;

    private static KeyframeSchedule weight(RunSpec spec, String regularizer) {
        return spec.regularizers().stream().filter(r -> r.name().equals(regularizer)).map(RegularizerSpec::schedule)
                .findFirst().orElseThrow();
    }

    @Test
    void keyframesOfTheIsolatedRecipeTakeTheDrawnValues() {
        SweepPlan plan = files.plan(ISOLATED_SAMPLED);
        assertEquals(4, plan.arms().size());
        double[][] u = new SobolPoints().points(4, 2, 0);
        for (int k = 0; k < 4; k++) {
            Arm arm = plan.arms().get(k);
            assertEquals("sample=" + k, arm.name());
            // derived: log-uniform 0.01..1 is 10^(−2 + 2u); int-uniform 800..1500 is 800 + ⌊701·u⌋
            double peak = new java.math.BigDecimal(Math.pow(10, -2 + 2 * u[k][0]))
                    .round(new java.math.MathContext(6)).doubleValue();
            int end = 800 + (int) Math.floor(701 * u[k][1]);
            RunSpec spec = arm.runs().get(0).spec();
            assertEquals(List.of(new Keyframe(0, 0), new Keyframe(248, 0.1), new Keyframe(750, peak),
                    new Keyframe(1425, 0)), weight(spec, "anchor").keyframes(), "point " + k);
            assertEquals(Interpolation.MIN_JERK, weight(spec, "anchor").interpolation());
            assertEquals(List.of(new Keyframe(0, 0.25), new Keyframe(750, 0.003), new Keyframe(end, 0)),
                    weight(spec, "anti-subspace").keyframes(), "point " + k);
            Map<String, String> axes = new LinkedHashMap<>();
            axes.put("sample", String.valueOf(k));
            axes.put("sample." + ANCHOR, NumberText.of(peak));
            axes.put("sample." + END, String.valueOf(end));
            assertEquals(axes, arm.axes());
            assertEquals(axes, arm.runs().get(0).axes());
        }
        // the first Sobol point is (½, ½): the geometric mean of the weights and the middle of the steps
        assertEquals("0.1", plan.arms().get(0).axes().get("sample." + ANCHOR));
        assertEquals("1150", plan.arms().get(0).axes().get("sample." + END));
    }

    @Test
    void theSameFileDrawsTheSamePointsAndAnotherSeedOthers() {
        List<String> first = files.plan(ISOLATED_SAMPLED).runs().stream().map(PlannedRun::runId).toList();
        List<String> again = files.plan(ISOLATED_SAMPLED).runs().stream().map(PlannedRun::runId).toList();
        List<String> other = files.plan(ISOLATED_SAMPLED.replace("points = 4", "points = 4, seed = 1")).runs()
                .stream().map(PlannedRun::runId).toList();
        assertEquals(first, again);
        assertTrue(new HashSet<>(first).stream().noneMatch(other::contains), "seed 1 draws other points: " + other);
    }

    @Test
    void theObjectAndDopesheetFormsAreResolvedAndKeepTheirInterpolation() throws IOException {
        Path sheet = SweepFiles.paperConfigs().getParent().getParent()
                .resolve("worker/src/test/resources/dopesheets/ex-2.7.1-dopesheet.csv");
        Files.copy(sheet, dir.resolve("sheet.csv"));
        String text = """
                sweep.name = forms
                run {
                  include "runs/ex-2.9.1.conf"
                  regularizers.anchor.weight { interpolation = linear, keys = [[0, 0], [100, 1]] }
                  training.lr { dopesheet = "sheet.csv", column = lr }
                }
                samples {
                  points = 2, method = random, seed = 3
                  settings {
                    "regularizers.anchor.weight[1].value" { distribution = uniform, min = 0.5, max = 1 }
                    "training.lr[-1].value" { distribution = choice, values = [0.02, 0.03] }
                  }
                }
                """;
        SweepPlan plan = files.plan(text);
        List<Keyframe> lrKeys = Dopesheet.read(sheet).schedule("lr").keyframes();
        for (Arm arm : plan.arms()) {
            RunSpec spec = arm.runs().get(0).spec();
            double value = Double.parseDouble(arm.axes().get("sample.regularizers.anchor.weight[1].value"));
            assertTrue(value >= 0.5 && value <= 1, "value " + value);
            KeyframeSchedule anchor = weight(spec, "anchor");
            assertEquals(Interpolation.LINEAR, anchor.interpolation());
            assertEquals(List.of(new Keyframe(0, 0), new Keyframe(100, value)), anchor.keyframes());
            double lastLr = Double.parseDouble(arm.axes().get("sample.training.lr[-1].value"));
            assertTrue(lastLr == 0.02 || lastLr == 0.03, "lr " + lastLr);
            List<Keyframe> expected = new ArrayList<>(lrKeys);
            expected.set(expected.size() - 1, new Keyframe(lrKeys.get(lrKeys.size() - 1).step(), lastLr));
            assertEquals(expected, spec.training().lr().keyframes());
        }
    }

    @Test
    void pointsAreCrossedWithTheGridAndTheSeeds() {
        String text = """
                sweep.name = crossed
                run { include "runs/ex-2.9.1.conf" }
                grid {
                  seeds = "0..2"
                  settings { "model.hidden-width" = [16, 32] }
                }
                samples {
                  points = 4, method = latin-hypercube, seed = 9
                  settings {
                    "regularizers.anchor.weight[2].value" { distribution = uniform, min = 0.05, max = 0.2 }
                    "training.batch-size" { distribution = choice, values = [32, 64] }
                  }
                }
                """;
        SweepPlan plan = files.plan(text);
        assertEquals(2 * 4, plan.arms().size());
        assertEquals(2 * 4 * 3, plan.runs().size());
        assertEquals(plan.runs().size(), new HashSet<>(plan.runs().stream().map(PlannedRun::runId).toList()).size());
        assertEquals("model.hidden-width=32, sample=3", plan.arms().get(7).name());
        Set<String> pointsAcrossWidths = new HashSet<>();
        for (Arm arm : plan.arms()) {
            assertEquals(3, arm.runs().size());
            for (PlannedRun run : arm.runs()) {
                assertEquals(arm.axes(), run.axes());
                assertEquals(Integer.parseInt(arm.axes().get("sample.training.batch-size")),
                        run.spec().training().batchSize());
                assertEquals(Integer.parseInt(arm.axes().get("model.hidden-width")),
                        run.spec().architecture().hiddenWidth());
            }
            pointsAcrossWidths.add(arm.axes().get("sample") + " " + arm.axes().get("sample.training.batch-size") + " "
                    + arm.axes().get("sample.regularizers.anchor.weight[2].value"));
        }
        assertEquals(4, pointsAcrossWidths.size(), "both widths run the same 4 points: " + pointsAcrossWidths);
    }

    @Test
    void validatePrintsTheDrawnPointsBeforeTheArms() {
        Path file = files.write("sweep.conf", ISOLATED_SAMPLED);
        Cli cli = Cli.run("validate", file.toString());
        assertEquals(0, cli.code(), cli.toString());
        String out = cli.out();
        assertTrue(out.contains("4 = 4 arms × 1 seed"), out);
        assertTrue(out.contains("sampled points: 4 points by sobol (seed 0) over 2 settings"), out);
        assertTrue(out.matches("(?s).*\\n0\\s+0\\.1\\s+1150\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n3\\s+0\\.0562341\\s+1062\\n.*"), "10^(−2 + 2·0.375), 800 + ⌊701·0.375⌋: " + out);
        assertTrue(out.matches("(?s).*" + java.util.regex.Pattern.quote(ANCHOR) + "\\s+"
                + java.util.regex.Pattern.quote(END) + "\\n\\s+log-uniform 0\\.01\\.\\.1\\s+int-uniform 800\\.\\.1500\\n.*"),
                out);
        assertTrue(out.indexOf("sampled points") < out.indexOf("sample=0"), out);
    }

    // ---- mistakes, each at file:line

    private ConfigProblem oneProblem(String settings, String path, String fragment) {
        String text = """
                sweep.name = bad
                run { include "runs/ex-2.9.1.conf" }
                samples {
                  points = 4
                  settings {
                """ + settings + """
                  }
                }
                """;
        return problem(files.problems(text), path, fragment);
    }

    private String text(String settings) {
        return """
                sweep.name = bad
                run { include "runs/ex-2.9.1.conf" }
                samples {
                  points = 4
                  settings {
                """ + settings + """
                  }
                }
                """;
    }

    @Test
    void anIndexOutOfRange() {
        String line = "    \"regularizers.anchor.weight[4].value\" { distribution = uniform, min = 0, max = 1 }\n";
        ConfigProblem p = oneProblem(line, "samples.settings.\"regularizers.anchor.weight[4].value\"", "out of range");
        assertEquals("keyframe index 4 is out of range: regularizers.anchor.weight has 4 keyframes ([0, 0], [248, 0.1],"
                + " [750, 0.1], [1425, 0]), so the index must be in 0..3 (or -4..-1 from the end)", p.message());
        assertEquals(at(text(line), "weight[4]"), p.origin());
        String negative = "    \"regularizers.anchor.weight[-5].step\" { distribution = int-uniform, min = 0, max = 1 }\n";
        ConfigProblem q = oneProblem(negative, "samples.settings.\"regularizers.anchor.weight[-5].step\"", "out of range");
        assertEquals(at(text(negative), "weight[-5]"), q.origin());
    }

    @Test
    void aKeyframeOfSomethingThatIsNoSchedule() {
        String line = "    \"model.latent-dim[0].value\" { distribution = uniform, min = 0, max = 1 }\n";
        ConfigProblem p = oneProblem(line, "samples.settings.\"model.latent-dim[0].value\"", "not a schedule");
        assertEquals("'model.latent-dim' is not a schedule, so it has no keyframes to address: the schedules of a run"
                + " are training.lr and regularizers.<name>.weight", p.message());
        assertEquals(at(text(line), "latent-dim[0]"), p.origin());
    }

    @Test
    void aSampledStepThatWouldBreakTheKeyOrder() {
        String line = "    \"regularizers.anti-subspace.weight[2].step\" { distribution = int-uniform, min = 500,"
                + " max = 1400 }\n";
        ConfigProblem p = oneProblem(line, "samples.settings.\"regularizers.anti-subspace.weight[2].step\"", "in order");
        assertEquals("a sampled step must keep the keyframes of regularizers.anti-subspace.weight in order (steps must"
                + " increase), but keyframe 1 is at step 750 and keyframe 2 ('regularizers.anti-subspace.weight[2].step')"
                + " may take steps 500..1400 ([0, 0.25], [750, 0.003], [1425, 0])", p.message());
        assertEquals(at(text(line), "weight[2].step"), p.origin());
    }

    @Test
    void aStepDrawnFromAContinuousDistribution() {
        String line = "    \"regularizers.anchor.weight[1].step\" { distribution = uniform, min = 100, max = 300 }\n";
        ConfigProblem p = oneProblem(line, "samples.settings.\"regularizers.anchor.weight[1].step\"", "whole number");
        assertEquals("a keyframe's step is a whole number, so sample it with int-uniform or a choice of whole numbers,"
                + " but got uniform 100..300", p.message());
        assertEquals(at(text(line), "weight[1].step"), p.origin());
    }

    @Test
    void minNotBelowMax() {
        String line = "    \"regularizers.anchor.weight[2].value\" {\n      distribution = uniform\n      min = 1 # lo\n"
                + "      max = 0.5\n    }\n";
        ConfigProblem p = oneProblem(line, "samples.settings.\"regularizers.anchor.weight[2].value\".min", "less than");
        assertEquals("min must be less than max, but got min = 1 ≥ max = 0.5", p.message());
        assertEquals(at(text(line), "min = 1 # lo"), p.origin());
    }

    @Test
    void logUniformFromZero() {
        String line = "    \"regularizers.anchor.weight[2].value\" { distribution = log-uniform, min = 0, max = 1 }\n";
        ConfigProblem p = oneProblem(line, "samples.settings.\"regularizers.anchor.weight[2].value\".min", "> 0");
        assertEquals("log-uniform draws the logarithm uniformly, so min must be > 0, but got min = 0", p.message());
        assertEquals(at(text(line), "log-uniform"), p.origin());
    }

    @Test
    void anUnknownMethod() {
        String text = """
                sweep.name = bad
                run { include "runs/ex-2.9.1.conf" }
                samples {
                  points = 4
                  method = halton
                  settings { "model.hidden-width" { distribution = int-uniform, min = 8, max = 32 } }
                }
                """;
        ConfigProblem p = problem(files.problems(text), "samples.method", "not valid");
        assertEquals("'halton' is not valid (valid: sobol, latin-hypercube, random)", p.message());
        assertEquals(at(text, "halton"), p.origin());
    }

    @Test
    void anUnknownDistributionAChoiceOfAStringAndMissingPoints() {
        String text = """
                sweep.name = bad
                run { include "runs/ex-2.9.1.conf" }
                samples {
                  settings {
                    "model.hidden-width" { distribution = normal, min = 8, max = 32 }
                    "training.batch-size" { distribution = choice, values = [32, big] }
                  }
                }
                """;
        List<ConfigProblem> problems = files.problems(text);
        ConfigProblem unknown = problem(problems, "samples.settings.\"model.hidden-width\".distribution", "not valid");
        assertEquals("'normal' is not valid (valid: uniform, log-uniform, int-uniform, choice)", unknown.message());
        assertEquals(at(text, "normal"), unknown.origin());
        ConfigProblem string = problem(problems, "samples.settings.\"training.batch-size\".values", "numbers");
        assertEquals("sampled settings are numbers, but one value is \"big\" (string) (vary strings and booleans with"
                + " grid.settings)", string.message());
        assertEquals(at(text, "[32, big]"), string.origin());
        ConfigProblem points = problem(problems, "samples", "needs 'points'");
        assertEquals("needs 'points', how many points to draw, e.g. points = 64", points.message());
        assertEquals(at(text, "samples {"), points.origin());
    }

    @Test
    void aMalformedAddress() {
        String line = "    \"regularizers.anchor.weight[first].value\" { distribution = uniform, min = 0, max = 1 }\n";
        ConfigProblem p = oneProblem(line, "samples.settings.\"regularizers.anchor.weight[first].value\"",
                "addressed as");
        assertEquals(at(text(line), "[first]"), p.origin());
    }

    @Test
    void aSettingAGridAxisAlsoVaries() {
        String text = """
                sweep.name = bad
                run { include "runs/ex-2.9.1.conf" }
                grid.schedules { "regularizers.anchor.weight" { early = [[0, 0.1], [500, 0]] } }
                samples {
                  points = 4
                  settings {
                    "regularizers.anchor.weight[1].value" { distribution = uniform, min = 0, max = 1 }
                  }
                }
                """;
        List<ConfigProblem> problems = files.problems(text);
        ConfigProblem overlap = problem(problems, "samples.settings.\"regularizers.anchor.weight[1].value\"",
                "also varies");
        assertEquals("'regularizers.anchor.weight[1].value' changes 'regularizers.anchor.weight', which"
                + " grid.schedules.\"regularizers.anchor.weight\" also varies: each setting may be varied by one axis only",
                overlap.message());
        assertEquals(at(text, "weight[1].value"), overlap.origin());
    }

    @Test
    void anUnknownSetting() {
        String line = "    \"model.hidden-widht\" { distribution = int-uniform, min = 8, max = 32 }\n";
        ConfigProblem p = oneProblem(line, "samples.settings.\"model.hidden-widht\"", "no setting");
        assertTrue(p.message().contains("did you mean 'model.hidden-width'?"), p.message());
        assertEquals(at(text(line), "hidden-widht"), p.origin());
    }

    @Test
    void aDrawnValueTheRunRefusesIsLocatedAtItsSetting() {
        String line = "    \"training.batch-size\" { distribution = choice, values = [64, -3] }\n";
        List<ConfigProblem> problems = files.problems(text(line));
        ConfigProblem p = problems.stream().filter(q -> q.path().equals("run.training.batch-size")).findFirst()
                .orElseThrow(() -> new AssertionError(problems.toString()));
        assertTrue(p.message().startsWith("arms 'sample="), p.message());
        assertEquals(at(text(line), "batch-size"), p.origin());
    }

    @Test
    void theShippedSearchConfigPlansSixtyFourPointsOfOneSeed() {
        Path config = SweepFiles.paperConfigs().getParent().resolve("search/anchor-schedule.conf");
        SweepPlan plan = SweepPlanner.load(config);
        assertEquals(64, plan.runs().size());
        assertEquals(64, plan.arms().size());
        assertEquals("sample=00", plan.arms().get(0).name(), "zero-padded, so that names sort by point");
        assertEquals("sample=63", plan.arms().get(63).name());
        assertEquals("7", plan.arms().get(7).axes().get("sample"));
        assertEquals(64, new HashSet<>(plan.runs().stream().map(PlannedRun::runId).toList()).size());
        Distribution peak = new Distribution.LogUniform(0.01, 1);
        for (PlannedRun run : plan.runs()) {
            double w = Double.parseDouble(run.axes().get("sample." + ANCHOR));
            int end = Integer.parseInt(run.axes().get("sample." + END));
            assertTrue(w >= peak.min() && w <= peak.max() && end >= 800 && end <= 1500, run.axes().toString());
            assertEquals(w, weight(run.spec(), "anchor").keyframes().get(2).value());
            assertEquals(end, weight(run.spec(), "anti-subspace").lastStep());
        }
    }
}
