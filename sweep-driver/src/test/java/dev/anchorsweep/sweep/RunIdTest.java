package dev.anchorsweep.sweep;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunIdTest {

    static final String GRID_SWEEP = """
            sweep.name = ids
            run {}
            grid {
              seeds = "0..4"
              variants {
                ex-2.4.1 { include "runs/ex-2.4.1.conf" }
                ex-2.9.1 { include "runs/ex-2.9.1.conf" }
              }
              settings { model.hidden-width = [8, 16] }
              schedules { "training.lr" { fast = 0.1, slow = [[0, 0.01], [1000, 0.001]] } }
            }
            """;

    @TempDir
    Path dir;
    SweepFiles files;

    @BeforeEach
    void setUp() {
        files = new SweepFiles(dir);
    }

    @Test
    void aRunIdIsTheFirstSixteenHexDigitsOfTheSha256OfTheCanonicalSpec() throws Exception {
        PlannedRun run = files.plan(GRID_SWEEP).runs().get(0);
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(run.spec().canonical().getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(digest).substring(0, 16), run.runId());
    }

    @Test
    void runIdsAreTheSameInAnotherJvm() throws IOException, InterruptedException {
        Path file = files.write("ids.conf", GRID_SWEEP);
        List<String> here = SweepPlanner.load(file).runs().stream()
                .map(r -> r.runId() + "\t" + r.arm() + "\t" + r.seed()).toList();
        assertEquals(40, here.size());

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PrintRunIds.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the other JVM did not finish");
        assertEquals(0, process.exitValue());
        assertEquals(here, printed.lines().toList());
    }

    @Test
    void theSameConfigPlannedTwiceGivesTheSameIds() {
        List<String> first = files.plan(GRID_SWEEP).runs().stream().map(PlannedRun::runId).toList();
        List<String> second = files.plan(GRID_SWEEP).runs().stream().map(PlannedRun::runId).toList();
        assertEquals(first, second);
        assertEquals(first.size(), first.stream().distinct().count());
    }

    @Test
    void everyChangedSettingGivesANewRunId() {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("seed", "seed = 1");
        changes.put("lr keyframe value", "training.lr = [[0, 1e-8], [10, 0.01], [750, 0.1], [1425, 0.1], [1500, 0.06]]");
        changes.put("lr keyframe step", "training.lr = [[0, 1e-8], [10, 0.01], [750, 0.1], [1426, 0.1], [1500, 0.05]]");
        changes.put("lr interpolation", "training.lr { interpolation = linear, keys = [[0, 1e-8], [10, 0.01],"
                + " [750, 0.1], [1425, 0.1], [1500, 0.05]] }");
        changes.put("direction entry", "regularizers.anchor.direction = [1, 0, 0, 0, 0.5]");
        changes.put("weight keyframe", "regularizers.anchor.weight = [[0, 0], [248, 0.1], [750, 0.11], [1425, 0]]");
        changes.put("regularizer concept", "regularizers.anti-subspace.concept = red");
        changes.put("regularizer dims", "regularizers.anti-subspace.dims = [1]");
        changes.put("separate power", "regularizers.separate.power = 50");
        changes.put("anti-anchor hemi", "regularizers.anti-anchor.hemi = false");
        changes.put("concept scale", "concepts.red.scale = 0.09");
        changes.put("concept power", "concepts.red.power = 7");
        changes.put("concept label", "concepts.red.label = \"primary(green)\"");
        changes.put("suppression falloff", "interventions.suppress.falloff { a = 0, b = 0.9, power = 0 }");
        changes.put("repulsion mapper", "interventions.repel.mapper { a = 0, b = 0.02 }");
        changes.put("ablation dims", "interventions.ablate.dims = [1]");
        changes.put("score power", "interventions.ablate.score.power = 2");
        changes.put("evaluation sets", "evaluation.sets = [named, hue-slice]");
        changes.put("latent steps", "evaluation.latents.steps = [0, 1501]");
        changes.put("latent set", "evaluation.latents.set = rgb-grid");
        changes.put("selection", "evaluation.selection.minimize = [recon, anchor]");
        changes.put("hidden width", "model.hidden-width = 12");
        changes.put("bottleneck", "model.bottleneck = none");
        changes.put("batch size", "training.batch-size = 32");
        changes.put("steps", "training.steps = 1502");
        changes.put("validate every", "training.validate-every = 100");
        changes.put("an explicit engine", "training.engine = samediff");

        String base = files.plan(sweep("")).runs().get(0).runId();
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String id = files.plan(sweep(change.getValue())).runs().get(0).runId();
            assertNotEquals(base, id, change.getKey() + " must change the run id");
            String before = ids.put(id, change.getKey());
            assertEquals(null, before, change.getKey() + " gives the same id as " + before);
        }
    }

    @Test
    void theDefaultEngineLeavesTheRunIdAsItWas() {
        assertEquals(files.plan(sweep("")).runs().get(0).runId(),
                files.plan(sweep("training.engine = auto")).runs().get(0).runId());
    }

    private static String sweep(String change) {
        return "sweep.name = one\nrun {\n  include \"runs/ex-2.9.1.conf\"\n  " + change + "\n}\n";
    }
}
