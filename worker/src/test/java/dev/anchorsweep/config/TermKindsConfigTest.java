package dev.anchorsweep.config;

import dev.anchorsweep.color.Hsv;
import dev.anchorsweep.latent.LatentDims;
import dev.anchorsweep.regularizer.CapturedAnchor;
import dev.anchorsweep.regularizer.EuclideanSeparate;
import dev.anchorsweep.run.RunSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The config of the 1.5/1.6 terms: {@code euclidean-separate} (dims, epsilon) and {@code captured-anchor} (colours,
 * the capture step as a number or a dopesheet action); each mistake is one problem at its file and line.
 */
class TermKindsConfigTest {

    @TempDir
    Path dir;

    /** A sheet whose ACTION column names {@code anchor} first at step 30 (and again at 60), {@code snap} at 10. */
    private static final String SHEET = """
            STEP,PHASE,ACTION,lr,reg-anchor
            0,Primary,,0.01,0
            10,,snap,,
            30,All hues,anchor,,0.25
            60,,"snap, anchor",,
            99,,,,
            """;

    private RunSpec parse(String run) throws IOException {
        Files.writeString(dir.resolve("sheet.csv"), SHEET);
        Path file = dir.resolve("run.conf");
        Files.writeString(file, "run {\nmodel { latent-dim = 4, bottleneck = none, output = sigmoid }\n"
                + "training.steps = 100\n" + run + "\n}\n");
        return new RunConfigParser(dir).parse(ConfigFiles.load(file).getObject("run"), "run");
    }

    private ConfigProblem onlyProblem(String run) {
        var e = assertThrows(InvalidConfigException.class, () -> parse(run));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void euclideanSeparateDefaultsToDims01AndTheReferenceEpsilon() throws IOException {
        RunSpec run = parse("regularizers.sep { type = euclidean-separate, weight = 0.2 }");
        assertEquals(new EuclideanSeparate(new LatentDims(0, 1), 1e-6), run.regularizers().get(0).regularizer());
        RunSpec other = parse("regularizers.sep { type = euclidean-separate, dims = [1, 3], epsilon = 1e-4, weight = 1 }");
        assertEquals(new EuclideanSeparate(new LatentDims(1, 3), 1e-4), other.regularizers().get(0).regularizer());
    }

    @Test
    void euclideanSeparateDimsOutsideTheLatent() {
        ConfigProblem p = onlyProblem("regularizers.sep {\n type = euclidean-separate\n dims = [0, 4]\n weight = 1 }");
        assertEquals(dir.resolve("run.conf") + ":6", p.origin());
        assertEquals("run.regularizers.sep.dims", p.path());
        assertTrue(p.message().contains("latent dim 4 is out of range 0..3"), p.message());
    }

    @Test
    void capturedAnchorAtAStepOrAtTheFirstRowOfItsAction() throws IOException {
        RunSpec given = parse("regularizers.anchor { type = captured-anchor, colors { type = hsv, hues = [0, 60, 120,"
                + " 180, 240, 300] }, capture-step = 30, weight = 0.25 }");
        CapturedAnchor anchor = (CapturedAnchor) given.regularizers().get(0).regularizer();
        assertEquals(30, anchor.captureStep());
        assertEquals(6, anchor.rgb().size());
        assertEquals(new Hsv(1.0 / 3, 1, 1).toRgb(), anchor.rgb().get(2));
        RunSpec fromSheet = parse("regularizers.anchor { type = captured-anchor, colors { type = hsv, hues = [0, 60, 120,"
                + " 180, 240, 300], saturations = [1], values = [1] }, capture-step { dopesheet = sheet.csv, action ="
                + " anchor }, weight = 0.25 }");
        // the dopesheet form resolves to the step: the same run, the same canonical form (and run id)
        assertEquals(given.canonical(), fromSheet.canonical());
        assertTrue(given.canonical().contains("\"capture-step\":30"), given.canonical());
        assertTrue(given.canonical().contains("\"colors\":{\"hues\":[0,60,120,180,240,300],\"saturations\":[1],"
                + "\"type\":\"hsv\",\"values\":[1]}"), given.canonical());
    }

    @Test
    void aDopesheetWithoutTheAction() {
        ConfigProblem p = onlyProblem("regularizers.anchor {\n type = captured-anchor\n colors { type = hsv, hues = [0] }\n"
                + " capture-step {\n dopesheet = sheet.csv\n action = anchr\n }\n weight = 1 }");
        assertEquals(dir.resolve("run.conf") + ":9", p.origin());
        assertEquals("run.regularizers.anchor.capture-step.action", p.path());
        assertEquals("no row of sheet.csv has the action 'anchr'; did you mean 'anchor'? (actions there: snap, anchor)",
                p.message());
    }

    @Test
    void aMissingDopesheet() {
        ConfigProblem p = onlyProblem("regularizers.anchor { type = captured-anchor, colors { type = hsv, hues = [0] },"
                + " capture-step { dopesheet = nowhere.csv, action = anchor }, weight = 1 }");
        assertEquals("run.regularizers.anchor.capture-step.dopesheet", p.path());
        assertTrue(p.message().startsWith("dopesheet file '") && p.message().endsWith("nowhere.csv' does not exist"),
                p.message());
    }

    @Test
    void aCaptureStepOutsideTheRun() {
        ConfigProblem p = onlyProblem("regularizers.anchor {\n type = captured-anchor\n colors { type = hsv, hues = [0] }\n"
                + " capture-step = 100\n weight = 1 }");
        assertEquals(dir.resolve("run.conf") + ":7", p.origin());
        assertEquals("run.regularizers.anchor.capture-step", p.path());
        assertEquals("must be a step in 0..99 (training.steps = 100), but got 100", p.message());
        ConfigProblem negative = onlyProblem("regularizers.anchor { type = captured-anchor, colors { type = hsv, hues"
                + " = [0] }, capture-step = -1, weight = 1 }");
        assertTrue(negative.message().contains("but got -1"), negative.message());
    }

    @Test
    void anEmptyColourList() {
        ConfigProblem p = onlyProblem("regularizers.anchor {\n type = captured-anchor\n colors {\n type = hsv\n"
                + " hues = []\n }\n capture-step = 0\n weight = 1 }");
        assertEquals(dir.resolve("run.conf") + ":8", p.origin());
        assertEquals("run.regularizers.anchor.colors.hues", p.path());
        assertEquals("needs at least one number", p.message());
        ConfigProblem type = onlyProblem("regularizers.anchor { type = captured-anchor, colors { type = cmyk, hues"
                + " = [0] }, capture-step = 0, weight = 1 }");
        assertEquals("run.regularizers.anchor.colors.type", type.path());
        ConfigProblem range = onlyProblem("regularizers.anchor { type = captured-anchor, colors { type = hsv, hues"
                + " = [0], saturations = [2] }, capture-step = 0, weight = 1 }");
        assertTrue(range.message().contains("saturations must be in [0, 1], but got 2.0"), range.message());
    }

    @Test
    void aCapturedAnchorTakesNoConceptAndNoSameDiff() {
        ConfigProblem p = onlyProblem("concepts.red { label = \"primary(red)\", power = 8, scale = 0.08 }\n"
                + "regularizers.anchor { type = captured-anchor, concept = red, colors { type = hsv, hues = [0] },"
                + " capture-step = 0, weight = 1 }");
        assertEquals("run.regularizers.anchor.concept", p.path());
        ConfigProblem engine = onlyProblem("training.engine = samediff\nregularizers.anchor { type = captured-anchor,"
                + " colors { type = hsv, hues = [0] }, capture-step = 0, weight = 1 }");
        assertEquals("run.training.engine", engine.path());
        assertTrue(engine.message().contains("captured-anchor, which is fused-only"), engine.message());
    }

    @Test
    void euclideanSeparateIsNotAValidationMetric() {
        ConfigProblem p = onlyProblem("regularizers.sep { type = euclidean-separate, weight = 1 }\n"
                + "evaluation.selection.minimize = [recon, sep]");
        assertEquals("run.evaluation.selection.minimize", p.path());
        assertTrue(p.message().contains("(valid: recon)"), p.message());
    }

    @Test
    void bothKindsAreListedAsTypes() {
        assertTrue(RegularizerKind.configNames().containsAll(List.of("euclidean-separate", "captured-anchor")));
    }
}
