package dev.anchorsweep.config;

import dev.anchorsweep.data.ColorMeasure;
import dev.anchorsweep.data.ColorSpec;
import dev.anchorsweep.data.CurriculumFactor;
import dev.anchorsweep.data.DataPhase;
import dev.anchorsweep.data.LossWeighting;
import dev.anchorsweep.data.M1Runs;
import dev.anchorsweep.data.SamplingWeight;
import dev.anchorsweep.data.TrainingData;
import dev.anchorsweep.identity.CanonicalJson;
import dev.anchorsweep.run.NamedPhase;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.schedule.Dopesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code training.data} and {@code training.phases}: what they read into, and one clear problem per mistake. */
class TrainingDataParserTest {

    @TempDir
    Path dir;

    static final Path SHEETS = M1Runs.DOPESHEETS;

    @Test
    void the16SmoothConfigReadsIntoItsData() {
        RunSpec run = M1Runs.parse(M1Runs.ex16("smooth", 10001, "\"All hues\""), 0);
        Dopesheet sheet = Dopesheet.read(SHEETS.resolve("ex-1.6-smooth-dopesheet.csv"));
        List<CurriculumFactor> curriculum = List.of(
                new CurriculumFactor(ColorMeasure.VIBRANCY, "data-vibrancies"),
                new CurriculumFactor(ColorMeasure.PRIMARY_SECONDARY_FOCUS, "data-hues"));
        ColorSpec cube = new ColorSpec.HsvCube(36, 10, 10);
        TrainingData expected = new TrainingData(cube, SamplingWeight.BIAS, curriculum, LossWeighting.SAMPLING,
                Map.of("data-hues", sheet.schedule("data-hues"), "data-vibrancies", sheet.schedule("data-vibrancies")),
                List.of(new DataPhase(0, new ColorSpec.HsvAxes(List.of(0.0, 60.0, 120.0, 180.0, 240.0, 300.0),
                                List.of(1.0), List.of(1.0)), DataPhase.FULL, SamplingWeight.UNIFORM, List.of(),
                                LossWeighting.NONE),
                        new DataPhase(500, cube, 32, SamplingWeight.BIAS, curriculum, LossWeighting.SAMPLING)));
        assertEquals(expected, run.training().data());
        assertEquals(List.of("data-hues", "data-vibrancies"), run.training().data().propertyNames());
        assertEquals(List.of(new NamedPhase(0, "Primary & secondary"), new NamedPhase(500, "All hues"),
                new NamedPhase(5000, "Full color space")), run.training().phases());
        assertFalse(run.training().data().isDefault());
        assertTrue(CanonicalJson.of(run.training()).contains("\"data\":"));
    }

    @Test
    void steppedPhasesComeFromThePhaseRowsInOrder() {
        RunSpec run = M1Runs.parse(M1Runs.ex16("stepped", 10001, "500"), 0);
        assertEquals(List.of(0, 100, 300, 500, 1000, 5000, 6500),
                run.training().phases().stream().map(NamedPhase::step).toList());
        assertEquals("Full color space", run.training().phases().get(6).name());
        // a shorter run keeps the phases that start within it
        RunSpec shorter = M1Runs.parse(M1Runs.ex16("stepped", 600, "500"), 0);
        assertEquals(List.of(0, 100, 300, 500), shorter.training().phases().stream().map(NamedPhase::step).toList());
    }

    @Test
    void rangesListsAndDefaultsOfHsvAxes() {
        RunSpec run = M1Runs.parse("""
                model { latent-dim = 3, layers = 1, bottleneck = none, output = sigmoid }
                training {
                  steps = 100, batch-size = 8, lr = 0.01
                  phases = [[0, "a"], [40, "b"]]
                  data {
                    colors { type = hsv, hues = { from = 0, to = 360, step = 30 } }
                    phases = [{ from = 40, colors { type = hsv, hues = 90, values = { from = 0.8, to = 1, count = 3 } } }]
                  }
                }
                """, 0);
        TrainingData data = run.training().data();
        assertEquals(new ColorSpec.HsvAxes(List.of(0.0, 30.0, 60.0, 90.0, 120.0, 150.0, 180.0, 210.0, 240.0, 270.0,
                300.0, 330.0), List.of(1.0), List.of(1.0)), data.colors());
        assertEquals(new ColorSpec.HsvAxes(List.of(90.0), List.of(1.0), List.of(0.8, 0.9, 1.0)),
                data.phases().get(0).colors());
        assertEquals(8, data.phases().get(0).batchSize());           // inherited from training.batch-size
        assertEquals(SamplingWeight.UNIFORM, data.phases().get(0).weight());
        assertEquals(List.of(new NamedPhase(0, "a"), new NamedPhase(40, "b")), run.training().phases());
        // before the first data phase, the section's own colours
        assertEquals(List.of(0, 40), data.effectivePhases(8).stream().map(DataPhase::from).toList());
    }

    @Test
    void noDataSectionIsTheDefaultAndKeepsTheCanonicalForm() {
        RunSpec run = M1Runs.parse("""
                model { latent-dim = 3, layers = 1 }
                training { steps = 100, lr = 0.01 }
                """, 0);
        assertTrue(run.training().data().isDefault());
        assertEquals(List.of(), run.training().phases());
        assertFalse(CanonicalJson.of(run.training()).contains("\"data\""));
    }

    private InvalidConfigException invalid(String training) throws IOException {
        Files.copy(SHEETS.resolve("ex-1.6-smooth-dopesheet.csv"), dir.resolve("ex-1.6-smooth-dopesheet.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path file = dir.resolve("bad.conf");
        Files.writeString(file, "run {\nmodel { latent-dim = 4, layers = 1 }\ntraining {\nsteps = 1000\nlr = 0.01\n"
                + training + "\n}\n}\n");
        return assertThrows(InvalidConfigException.class, () -> new RunConfigParser(dir)
                .parse(ConfigFiles.load(file).getObject("run"), "run"));
    }

    /** The one problem of {@code e}: at line {@code line} of bad.conf, at {@code path}, with {@code message}. */
    private void assertProblem(InvalidConfigException e, int line, String path, String message) {
        assertEquals(1, e.problems().size(), e.getMessage());
        ConfigProblem p = e.problems().get(0);
        assertEquals(dir.resolve("bad.conf") + ":" + line, p.origin(), e.getMessage());
        assertEquals(path, p.path());
        assertEquals(message, p.message());
    }

    @Test
    void anUndefinedCurriculumPropertyNamesTheDefinedOnes() throws IOException {
        var e = invalid("""
                data {
                  properties { data-hues = 0.5, data-vibrancies = 0 }
                  curriculum = [{ measure = vibrancy, property = data-hue }]
                }""");
        assertProblem(e, 8, "run.training.data.curriculum[0].property",
                "'data-hue' is not a data property; did you mean 'data-hues'? (defined: data-hues, data-vibrancies)");
        var none = invalid("data.curriculum = [{ measure = vibrancy, property = f }]");
        assertProblem(none, 6, "run.training.data.curriculum[0].property",
                "'f' is not a data property; define it under training.data.properties");
    }

    @Test
    void badMeasuresWeightsAndColours() throws IOException {
        assertProblem(invalid("data { properties.f = 0, curriculum = [{ measure = brightness, property = f }] }"), 6,
                "run.training.data.curriculum[0].measure", "'brightness' is not valid (valid: vibrancy, "
                        + "primary-secondary-focus, hue, saturation, value)");
        assertProblem(invalid("data.weight = biased"), 6, "run.training.data.weight",
                "'biased' is not valid; did you mean 'bias'? (valid: uniform, bias)");
        assertProblem(invalid("data.loss-weighting = samplng"), 6, "run.training.data.loss-weighting",
                "'samplng' is not valid; did you mean 'sampling'? (valid: none, sampling)");
        assertProblem(invalid("data.colors { type = hsv-cube, hues = 36, saturations = 10 }"), 6,
                "run.training.data.colors", "needs 'values'");
        assertProblem(invalid("data.colors { type = hsv, hues = [0, 120], saturations = [0.5, 1.5] }"), 6,
                "run.training.data.colors", "saturations must be in [0, 1], but got 1.5");
        assertProblem(invalid("data.colors { type = hsv, hues = { from = 0, to = 360, step = 30, count = 12 } }"), 6,
                "run.training.data.colors.hues", "a range needs from, to and either step (to excluded, like "
                        + "numpy.arange) or count (to included, like numpy.linspace)");
        assertProblem(invalid("data.colors { type = rgb, subdivisions = 8 }"), 6, "run.training.data.colors.type",
                "'rgb' is not valid; did you mean 'rgb-grid'? (valid: grid, rgb-grid, hsv-cube, hsv)");
    }

    @Test
    void badPropertiesAndPhases() throws IOException {
        assertProblem(invalid("data.properties.lr = 0.5"), 6, "run.training.data.properties.lr",
                "'lr' names the learning rate; data properties need other names (e.g. data-fraction)");
        assertProblem(invalid("data.properties.f { dopesheet = \"ex-1.6-smooth-dopesheet.csv\", column = data-hue }"), 6,
                "run.training.data.properties.f.column", "'data-hue' is not a column of ex-1.6-smooth-dopesheet.csv; "
                        + "did you mean 'data-hues'? (columns: [lr, loss-recon, reg-separate, reg-planar, reg-norm, "
                        + "reg-anchor, data-hues, data-vibrancies])");
        assertProblem(invalid("data.phases = [{ from = 0, batch-size = all }]"), 6,
                "run.training.data.phases[0].batch-size", "must be a whole number in 1..1048576 or full, but got "
                        + "\"all\" (string)");
        assertProblem(invalid("data.phases = [\n{ from = 100 }\n{ from = 50 }\n]"), 8,
                "run.training.data.phases[1].from", "data phases must start at increasing steps, but got 50 after 100");
        assertProblem(invalid("data.phases = [{ from = 1000 }]"), 6, "run.training.data.phases[0].from",
                "must be in 0..999, but got 1000");
        assertProblem(invalid("phases = [[0, \"a\"], [10, \"b\"]]\ndata.phases = [{ from = \"All hues\" }]"), 7,
                "run.training.data.phases[0].from", "'All hues' is not a phase of training.phases (named: a, b)");
        assertProblem(invalid("data.phases = [{ from = 0, colours { type = grid } }]"), 6,
                "run.training.data.phases[0].colours", "unknown setting 'colours'; did you mean 'colors'? (valid here: "
                        + "batch-size, colors, curriculum, from, loss-weighting, weight)");
    }

    @Test
    void badNamedPhases() throws IOException {
        assertProblem(invalid("phases = [[0, \"a\"], [0, \"b\"]]"), 6, "run.training.phases",
                "phase steps must be whole, increasing and in 0..999 (training.steps − 1), but got 0 (number) after 0");
        assertProblem(invalid("phases = [[0, 1]]"), 6, "run.training.phases",
                "each phase must be [step, name] with a whole step and a non-blank name, but got [0,1] (list)");
        assertProblem(invalid("phases { dopesheet = \"missing.csv\" }"), 6, "run.training.phases.dopesheet",
                "dopesheet file '" + dir.resolve("missing.csv") + "' does not exist");
        assertProblem(invalid("phases = first"), 6, "run.training.phases", "must be a list of [step, name] like "
                + "[[0, \"Primary & secondary\"], [500, \"All hues\"]] or { dopesheet = file }, but got \"first\" (string)");
    }
}
