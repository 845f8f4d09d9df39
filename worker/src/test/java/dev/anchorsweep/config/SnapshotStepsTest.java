package dev.anchorsweep.config;

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

/** {@code evaluation.latents.steps}: the list form and {@code { every = N }}, which resolves to the same list. */
class SnapshotStepsTest {

    @TempDir
    Path dir;

    private RunSpec parse(String run) throws IOException {
        Path file = dir.resolve("run.conf");
        Files.writeString(file, "run {\n" + run + "\n}\n");
        return new RunConfigParser(dir).parse(ConfigFiles.load(file).getObject("run"), "run");
    }

    private ConfigProblem invalid(String run) throws IOException {
        Path file = dir.resolve("bad.conf");
        Files.writeString(file, "run {\n" + run + "\n}\n");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new RunConfigParser(dir)
                .parse(ConfigFiles.load(file).getObject("run"), "run"));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void everyNIsZeroNTwoNAndTheFinalStep() throws IOException {
        assertEquals(List.of(0, 10, 20, 30, 40, 50, 60),
                parse("training.steps = 60\nevaluation.latents.steps { every = 10 }").training().snapshotSteps());
        // 65 is no multiple of 20: the final step is added after 60
        assertEquals(List.of(0, 20, 40, 60, 65),
                parse("training.steps = 65\nevaluation.latents.steps { every = 20 }").training().snapshotSteps());
        assertEquals(List.of(0, 7), parse("training.steps = 7\nevaluation.latents.steps { every = 7 }")
                .training().snapshotSteps());
    }

    @Test
    void everyHasTheCanonicalTextAndRunIdOfItsList() throws IOException {
        RunSpec every = parse("training.steps = 60\nevaluation.latents.steps { every = 20 }");
        RunSpec list = parse("training.steps = 60\nevaluation.latents.steps = [0, 20, 40, 60]");
        assertEquals(list.canonical(), every.canonical());
        assertTrue(every.canonical().contains("\"steps\":[0,20,40,60]"), every.canonical());
    }

    @Test
    void badEveryIsOneLocatedProblem() throws IOException {
        ConfigProblem zero = invalid("training.steps = 60\nevaluation.latents.steps { every = 0 }");
        assertEquals(dir.resolve("bad.conf") + ":3", zero.origin());
        assertEquals("run.evaluation.latents.steps.every", zero.path());
        assertEquals("must be in 1..60, but got 0", zero.message());

        ConfigProblem big = invalid("training.steps = 60\nevaluation.latents.steps { every = 61 }");
        assertEquals("must be in 1..60, but got 61", big.message());

        ConfigProblem typo = invalid("training.steps = 60\nevaluation.latents.steps { evrey = 10, every = 10 }");
        assertEquals("run.evaluation.latents.steps.evrey", typo.path());
        assertTrue(typo.message().startsWith("unknown setting 'evrey'; did you mean 'every'?"), typo.message());

        ConfigProblem empty = invalid("training.steps = 60\nevaluation.latents.steps {}");
        assertEquals("run.evaluation.latents.steps", empty.path());
        assertTrue(empty.message().startsWith("a steps object needs 'every'"), empty.message());

        ConfigProblem word = invalid("training.steps = 60\nevaluation.latents.steps = often");
        assertEquals("run.evaluation.latents.steps", word.path());
        assertEquals("must be a list of steps like [0, 60] or { every = N }, but got \"often\" (string)", word.message());

        ConfigProblem outside = invalid("training.steps = 60\nevaluation.latents.steps = [0, 70]");
        assertEquals("latent steps must be in 0..60 (training.steps; 60 is the final model), but got 70",
                outside.message());
    }
}
