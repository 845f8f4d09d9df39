package dev.anchorsweep.config;

import dev.anchorsweep.reproduction.PaperConfigs;
import dev.anchorsweep.run.Engine;
import dev.anchorsweep.run.RegularizerSpec;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunConfigParserTest {

    @TempDir
    Path dir;

    @Test
    void everyPaperConfigParsesWithTheReferenceSchedules() {
        Map<String, String> sheets = Map.of("ex-2.4.1", "ex-2.4.1", "ex-2.5.1", "ex-2.5.1", "ex-2.7.1", "ex-2.7.1",
                "ex-2.9.1", "ex-2.9.1", "ex-2.10.1", "ex-2.10.1");
        for (var e : sheets.entrySet()) {
            RunSpec run = PaperConfigs.run(e.getKey(), 0);
            Dopesheet sheet = Dopesheet.read(Path.of("src/test/resources/dopesheets/" + e.getValue() + "-dopesheet.csv"));
            assertEquals(sheet.schedule("lr"), run.training().lr(), e.getKey() + " lr");
            for (RegularizerSpec r : run.regularizers()) {
                assertEquals(sheet.schedule(r.name()), r.schedule(), e.getKey() + " " + r.name());
            }
            assertEquals(sheet.length(), run.training().steps(), e.getKey() + " steps");
        }
        RunSpec isolated = PaperConfigs.run("ex-2.9.1", 0);
        assertEquals(840, isolated.architecture().parameterCount());
        assertEquals(263, PaperConfigs.run("ex-2.4.1", 0).architecture().parameterCount());
        assertEquals(List.of("anchor", "anti-anchor", "anti-subspace", "separate"), isolated.regularizerNames());
    }

    private InvalidConfigException invalid(String run) throws IOException {
        Path file = dir.resolve("bad.conf");
        Files.writeString(file, "run {\n" + run + "\n}\n");
        return assertThrows(InvalidConfigException.class, () -> new RunConfigParser(dir)
                .parse(ConfigFiles.load(file).getObject("run"), "run"));
    }

    private static final String RED = "concepts.red { label = \"primary(red)\", power = 8, scale = 0.08 }\n";

    @Test
    void wrongTypeNamesTheFileLineAndValue() throws IOException {
        var e = invalid("model {\n  latent-dim = five\n}");
        assertEquals(1, e.problems().size());
        ConfigProblem p = e.problems().get(0);
        assertEquals(dir.resolve("bad.conf") + ":3", p.origin());
        assertEquals("run.model.latent-dim", p.path());
        assertEquals("must be a whole number in 1..1024, but got \"five\" (string)", p.message());
    }

    @Test
    void trainingEngine() throws IOException {
        assertEquals(Engine.AUTO, PaperConfigs.run("ex-2.9.1", 0).training().engine());
        Path file = dir.resolve("engine.conf");
        Files.writeString(file, "run { training.engine = samediff }\n");
        RunSpec samediff = new RunConfigParser(dir).parse(ConfigFiles.load(file).getObject("run"), "run");
        assertEquals(Engine.SAMEDIFF, samediff.training().engine());
        assertTrue(samediff.canonical().contains("\"engine\":\"samediff\""), "an explicit engine is part of the run id");
        var e = invalid("training.engine = fast");
        assertEquals("run.training.engine", e.problems().get(0).path());
        assertEquals("'fast' is not valid (valid: auto, fused, samediff)", e.problems().get(0).message());
    }

    @Test
    void unknownKeySuggestsTheClosestOne() throws IOException {
        var e = invalid(RED + "regularizers.anchor { type = anchor, concept = red, direction = [1, 0, 0, 0], wieght = 0.1 }");
        assertTrue(e.problems().stream().anyMatch(p -> p.path().equals("run.regularizers.anchor.wieght")
                && p.message().startsWith("unknown setting 'wieght'; did you mean 'weight'?")), e.getMessage());
    }

    @Test
    void keyframesOutOfOrder() throws IOException {
        var e = invalid("training.lr = [[0, 1e-8], [1425, 0.1], [750, 0.1]]");
        ConfigProblem p = e.problems().get(0);
        assertEquals("run.training.lr", p.path());
        assertEquals("keyframe steps must increase, but got 750 after 1425", p.message());
        assertTrue(p.origin().endsWith("bad.conf:2"), p.origin());
    }

    @Test
    void negativeWeight() throws IOException {
        var e = invalid(RED + "regularizers.anchor { type = anchor, concept = red, direction = [1, 0, 0, 0], weight = [[0, 0.1], [100, -0.2]] }");
        assertEquals("regularizer weights must be ≥ 0, but the schedule reaches -0.2", e.problems().get(0).message());
        assertEquals("run.regularizers.anchor.weight", e.problems().get(0).path());
    }

    @Test
    void directionOfWrongLength() throws IOException {
        var e = invalid("model.latent-dim = 5\n" + RED
                + "regularizers.anchor { type = anchor, concept = red, direction = [1, 0, 0, 0], weight = 0.1 }");
        assertEquals("must have one entry per latent dim (model.latent-dim = 5), but got 4: [1.0, 0.0, 0.0, 0.0]",
                e.problems().get(0).message());
        assertEquals("run.regularizers.anchor.direction", e.problems().get(0).path());
    }

    @Test
    void unknownConcept() throws IOException {
        var e = invalid(RED + "regularizers.anchor { type = anchor, concept = blue, direction = [1, 0, 0, 0], weight = 0.1 }");
        assertEquals("'blue' is not valid (valid: red)", e.problems().get(0).message());
        assertEquals("run.regularizers.anchor.concept", e.problems().get(0).path());
    }

    @Test
    void unknownRegularizerTypeAndLabel() throws IOException {
        var e = invalid("concepts.red { label = \"primary(redd)\", power = 8, scale = 0.08 }\n"
                + "regularizers.x { type = anchr, weight = 0.1 }");
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("'anchr' is not valid; did you mean 'anchor'?"), e.getMessage());
        assertTrue(e.getMessage().contains("'primary(redd)' is not valid; did you mean 'primary(red)'?"), e.getMessage());
    }

    @Test
    void ablationMustLeaveADim() throws IOException {
        var e = invalid("model.latent-dim = 2\ninterventions.cut { type = ablation, dims = [0, 1] }");
        assertEquals("run.interventions.cut.dims", e.problems().get(0).path());
        assertTrue(e.problems().get(0).message().contains("[0, 1]"), e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        var e = invalid("seed = -1\nmodel.layers = 0\ntraining.steps = x");
        assertEquals(3, e.problems().size(), e.getMessage());
    }

    @Test
    void dopesheetSchedules() throws IOException {
        Files.copy(Path.of("src/test/resources/dopesheets/ex-2.9.1-dopesheet.csv"), dir.resolve("sheet.csv"));
        Path file = dir.resolve("ok.conf");
        Files.writeString(file, "run.training.lr { dopesheet = sheet.csv, column = lr }\n");
        RunSpec run = new RunConfigParser(dir).parse(ConfigFiles.load(file).getObject("run"), "run");
        assertEquals(0.089506, run.training().lr().valueAt(1450), 1e-6);
        Files.writeString(file, "run.training.lr { dopesheet = sheet.csv, column = lrr }\n");
        var e = assertThrows(InvalidConfigException.class,
                () -> new RunConfigParser(dir).parse(ConfigFiles.load(file).getObject("run"), "run"));
        assertTrue(e.problems().get(0).message().contains("did you mean 'lr'?"), e.getMessage());
    }
}
