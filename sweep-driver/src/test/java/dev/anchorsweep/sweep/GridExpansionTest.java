package dev.anchorsweep.sweep;

import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.schedule.Interpolation;
import dev.anchorsweep.schedule.Keyframe;
import dev.anchorsweep.schedule.KeyframeSchedule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridExpansionTest {

    @TempDir
    Path dir;
    SweepFiles files;

    @BeforeEach
    void setUp() {
        files = new SweepFiles(dir);
    }

    static RegularizerSpec regularizer(RunSpec spec, String name) {
        return spec.regularizers().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    static void assertDistinctIds(SweepPlan plan) {
        assertEquals(plan.runs().size(), plan.runs().stream().map(PlannedRun::runId).distinct().count(),
                "no two runs of a grid share a run_id");
    }

    @Test
    void regularizerSubsetsOfFiveGiveEveryNonEmptySubsetAsAnArm() {
        SweepPlan plan = files.plan("""
                sweep.name = study
                run {
                  include "runs/ex-2.9.1.conf"
                  regularizers.planarity { type = planarity, dims = [1, 2], weight = 0.01 }
                }
                grid {
                  seeds = [0, 1]
                  regularizer-subsets = [anchor, anti-anchor, anti-subspace, separate, planarity]
                }
                """);
        List<String> listed = List.of("anchor", "anti-anchor", "anti-subspace", "separate", "planarity");
        assertEquals(31, plan.arms().size());
        assertEquals(62, plan.runs().size());
        for (int mask = 1; mask < 32; mask++) {
            List<String> subset = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                if ((mask >> i & 1) == 1) subset.add(listed.get(i));
            }
            Arm arm = plan.arms().get(mask - 1);
            assertEquals("regularizers=" + String.join("+", subset), arm.name());
            assertEquals(Map.of("regularizers", String.join("+", subset)), arm.axes());
            for (PlannedRun run : arm.runs()) {
                assertEquals(new HashSet<>(subset), new HashSet<>(run.spec().regularizerNames()), arm.name());
                assertEquals(arm.name(), run.arm());
                // the validation metrics of dropped regularizers leave the selection (ex-2.9.1: recon, anchor, anti-anchor)
                List<String> minimize = new ArrayList<>(List.of("recon"));
                if (subset.contains("anchor")) minimize.add("anchor");
                if (subset.contains("anti-anchor")) minimize.add("anti-anchor");
                assertEquals(minimize, run.spec().evaluation().selection().minimize(), arm.name());
            }
        }
        assertDistinctIds(plan);
    }

    @Test
    void regularizersNotListedStayInEveryRun() {
        SweepPlan plan = files.plan("""
                sweep.name = study
                run { include "runs/ex-2.9.1.conf" }
                grid.regularizer-subsets = [separate, anchor]
                """);
        assertEquals(List.of("regularizers=separate", "regularizers=anchor", "regularizers=separate+anchor"),
                plan.arms().stream().map(Arm::name).toList());
        for (PlannedRun run : plan.runs()) {
            assertTrue(run.spec().regularizerNames().containsAll(List.of("anti-anchor", "anti-subspace")));
        }
        assertEquals(Set.of("anti-anchor", "anti-subspace", "separate"),
                new HashSet<>(plan.arms().get(0).runs().get(0).spec().regularizerNames()));
    }

    @Test
    void regularizerSetsKeepTheirMembersAndAnEmptySetKeepsNone() {
        SweepPlan plan = files.plan("""
                sweep.name = sets
                run { include "runs/ex-2.9.1.conf" }
                grid.regularizer-sets = [[anchor, separate], [], [anti-anchor]]
                """);
        assertEquals(List.of("regularizers=anchor+separate", "regularizers=none", "regularizers=anti-anchor"),
                plan.arms().stream().map(Arm::name).toList());
        assertEquals(Set.of("anchor", "separate", "anti-subspace"),
                new HashSet<>(plan.arms().get(0).runs().get(0).spec().regularizerNames()));
        assertEquals(List.of("anti-subspace"), plan.arms().get(1).runs().get(0).spec().regularizerNames());
        assertEquals(Set.of("anti-anchor", "anti-subspace"),
                new HashSet<>(plan.arms().get(2).runs().get(0).spec().regularizerNames()));
    }

    @Test
    void variantsTimesSeedsGiveOneArmPerVariantAndOneRunPerSeed() {
        SweepPlan plan = files.plan("""
                sweep { name = paper, description = "three architectures" }
                run {}
                grid {
                  seeds = "0..9"
                  variants {
                    ex-2.9.1 { include "runs/ex-2.9.1.conf" }
                    ex-2.4.1 { include "runs/ex-2.4.1.conf" }
                    "ex-2.5.1" { include "runs/ex-2.5.1.conf" }
                  }
                }
                """);
        assertEquals("paper", plan.name());
        assertEquals("three architectures", plan.config().description());
        assertEquals(30, plan.runs().size());
        assertEquals(List.of("ex-2.4.1", "ex-2.5.1", "ex-2.9.1"), plan.arms().stream().map(Arm::name).toList());
        int[] latentDims = {4, 4, 5};
        for (int a = 0; a < 3; a++) {
            Arm arm = plan.arms().get(a);
            assertEquals(Map.of("variant", arm.name()), arm.axes());
            assertEquals(IntStream.range(0, 10).boxed().toList(), arm.runs().stream().map(PlannedRun::seed).toList());
            for (PlannedRun run : arm.runs()) {
                assertEquals(latentDims[a], run.spec().architecture().latentDim());
                assertEquals(run.seed(), run.spec().seed());
            }
        }
        assertEquals(Set.of("anchor", "subspace", "separate"),
                new HashSet<>(plan.arms().get(0).runs().get(0).spec().regularizerNames()));
        assertEquals(Set.of("anchor", "separate"),
                new HashSet<>(plan.arms().get(1).runs().get(0).spec().regularizerNames()));
        // the runs of the plan are the arms' runs, in arm order
        assertEquals(plan.arms().stream().flatMap(a -> a.runs().stream()).toList(), plan.runs());
        assertDistinctIds(plan);
    }

    @Test
    void aVariantIsDeepMergedOverTheBaseRun() {
        SweepPlan plan = files.plan("""
                sweep.name = merge
                run {
                  include "runs/ex-2.9.1.conf"
                  training.batch-size = 32
                }
                grid.variants {
                  wide { model.hidden-width = 24 }
                  small-batch { training { batch-size = 16 } }
                }
                """);
        RunSpec smallBatch = plan.arms().get(0).runs().get(0).spec();
        RunSpec wide = plan.arms().get(1).runs().get(0).spec();
        assertEquals(List.of("small-batch", "wide"), plan.arms().stream().map(Arm::name).toList());
        assertEquals(16, smallBatch.training().batchSize());
        assertEquals(16, smallBatch.architecture().hiddenWidth());
        assertEquals(5, smallBatch.architecture().latentDim());   // the base's model section survives the merge
        assertEquals(1501, smallBatch.training().steps());        // as do the defaults
        assertEquals(32, wide.training().batchSize());
        assertEquals(24, wide.architecture().hiddenWidth());
        assertEquals(2, wide.architecture().layersPerSide());
    }

    @Test
    void aSettingsAxisChangesTheSetting() {
        SweepPlan plan = files.plan("""
                sweep.name = k
                run {
                  concepts.red { label = "primary(red)", power = 8, scale = 0.08 }
                  regularizers {
                    subspace { type = subspace, concept = red, dims = [0], weight = 0.1 }
                    separate { type = separate, weight = [[750, 0.01], [1425, 0]] }
                  }
                  interventions.ablate { type = ablation, dims = [0], score { against = red } }
                }
                grid {
                  seeds = [3, 4]
                  settings { "model.latent-dim" = [4, 5], model.hidden-width = [16, 8] }
                }
                """);
        assertEquals(List.of(
                "model.hidden-width=16, model.latent-dim=4", "model.hidden-width=16, model.latent-dim=5",
                "model.hidden-width=8, model.latent-dim=4", "model.hidden-width=8, model.latent-dim=5"),
                plan.arms().stream().map(Arm::name).toList());
        int[] k = {4, 5, 4, 5};
        int[] h = {16, 16, 8, 8};
        for (int a = 0; a < 4; a++) {
            Arm arm = plan.arms().get(a);
            assertEquals(List.of("model.hidden-width", "model.latent-dim"), List.copyOf(arm.axes().keySet()));
            assertEquals(String.valueOf(k[a]), arm.axes().get("model.latent-dim"));
            for (PlannedRun run : arm.runs()) {
                assertEquals(k[a], run.spec().architecture().latentDim());
                assertEquals(h[a], run.spec().architecture().hiddenWidth());
                assertEquals(arm.axes(), run.axes());
            }
        }
        assertEquals(List.of("model.hidden-width", "model.latent-dim", "seed"),
                plan.axes().stream().map(SweepAxis::name).toList());
        assertDistinctIds(plan);
    }

    @Test
    void scheduleVariantsReplaceTheSchedule() {
        SweepPlan plan = files.plan("""
                sweep.name = schedules
                run { include "runs/ex-2.9.1.conf" }
                grid.schedules {
                  "regularizers.anchor.weight" { late = [[0, 0], [1000, 0.1]], early = [[0, 0.1], [500, 0]] }
                  training.lr {
                    fixed = 0.01
                    ramp { interpolation = linear, keys = [[0, 0], [100, 0.1]] }
                  }
                }
                """);
        assertEquals(List.of(
                "regularizers.anchor.weight=early, training.lr=fixed", "regularizers.anchor.weight=early, training.lr=ramp",
                "regularizers.anchor.weight=late, training.lr=fixed", "regularizers.anchor.weight=late, training.lr=ramp"),
                plan.arms().stream().map(Arm::name).toList());
        KeyframeSchedule early = KeyframeSchedule.minJerk(List.of(new Keyframe(0, 0.1), new Keyframe(500, 0)));
        KeyframeSchedule late = KeyframeSchedule.minJerk(List.of(new Keyframe(0, 0), new Keyframe(1000, 0.1)));
        KeyframeSchedule fixed = KeyframeSchedule.constant(0.01);
        KeyframeSchedule ramp = KeyframeSchedule.of(Interpolation.LINEAR, List.of(new Keyframe(0, 0),
                new Keyframe(100, 0.1)));
        KeyframeSchedule[][] expected = {{early, fixed}, {early, ramp}, {late, fixed}, {late, ramp}};
        for (int a = 0; a < 4; a++) {
            RunSpec spec = plan.arms().get(a).runs().get(0).spec();
            assertEquals(expected[a][0], regularizer(spec, "anchor").schedule());
            assertEquals(expected[a][1], spec.training().lr());
            // the other schedules are the base run's
            assertEquals(KeyframeSchedule.minJerk(List.of(new Keyframe(0, 0), new Keyframe(248, 0.05),
                    new Keyframe(1425, 0))), regularizer(spec, "anti-anchor").schedule());
        }
    }

    @Test
    void armNamesFollowTheAxisOrderAndArmsAreOrderedByTheirValues() {
        SweepPlan plan = files.plan("""
                sweep.name = all-axes
                run {}
                grid {
                  seeds = [5, 1, 3]
                  settings { model.hidden-width = [16, 8] }
                  schedules { "regularizers.anchor.weight" { b = 0.05, a = 0.1 } }
                  regularizer-sets = [[anchor, separate], [anchor]]
                  variants {
                    ex-2.5.1 { include "runs/ex-2.5.1.conf" }
                    ex-2.4.1 { include "runs/ex-2.4.1.conf" }
                  }
                }
                """);
        List<String> names = new ArrayList<>();
        for (String variant : List.of("ex-2.4.1", "ex-2.5.1")) {
            for (String set : List.of("anchor+separate", "anchor")) {
                for (String schedule : List.of("a", "b")) {
                    for (String width : List.of("16", "8")) {
                        names.add(variant + ", regularizers=" + set + ", regularizers.anchor.weight=" + schedule
                                + ", model.hidden-width=" + width);
                    }
                }
            }
        }
        assertEquals(names, plan.arms().stream().map(Arm::name).toList());
        assertEquals(List.of("variant", "regularizers", "regularizers.anchor.weight", "model.hidden-width", "seed"),
                plan.axes().stream().map(SweepAxis::name).toList());
        assertInstanceOf(VariantAxis.class, plan.axes().get(0));
        assertInstanceOf(RegularizerAxis.class, plan.axes().get(1));
        assertInstanceOf(ScheduleAxis.class, plan.axes().get(2));
        assertInstanceOf(SettingAxis.class, plan.axes().get(3));
        assertInstanceOf(SeedAxis.class, plan.axes().get(4));
        Arm first = plan.arms().get(0);
        assertEquals(List.of("variant", "regularizers", "regularizers.anchor.weight", "model.hidden-width"),
                List.copyOf(first.axes().keySet()));
        assertEquals(List.of("ex-2.4.1", "anchor+separate", "a", "16"), List.copyOf(first.axes().values()));
        for (Arm arm : plan.arms()) {
            assertEquals(List.of(1, 3, 5), arm.runs().stream().map(PlannedRun::seed).toList(), "runs by seed");
        }
        assertEquals(16 * 3, plan.runs().size());
        assertDistinctIds(plan);
    }

    @Test
    void withoutAGridTheSweepRunsTheBaseRunOnce() {
        SweepPlan plan = files.plan("""
                sweep.name = single
                run {
                  include "runs/ex-2.4.1.conf"
                  seed = 7
                }
                """);
        assertEquals(1, plan.arms().size());
        assertEquals(Arm.BASE, plan.arms().get(0).name());
        assertEquals(Map.of(), plan.arms().get(0).axes());
        assertEquals(List.of(7), plan.runs().stream().map(PlannedRun::seed).toList());
        assertEquals("", plan.config().description());
    }

    @Test
    void everyRunEqualsItsCellPlannedAlone() {
        String grid = """
                sweep.name = cells
                run {}
                grid {
                  seeds = %s
                  variants {
                    ex-2.4.1 { include "runs/ex-2.4.1.conf" }
                    ex-2.9.1 { include "runs/ex-2.9.1.conf" }
                  }
                  settings { model.hidden-width = [8, 16] }
                }
                """;
        SweepPlan plan = files.plan(grid.formatted("\"0..3\""));
        for (int seed = 0; seed < 4; seed++) {
            // planned alone, each run's cell is parsed in full (it is the first seed of its arm)
            SweepPlan alone = files.plan(grid.formatted("[" + seed + "]"));
            for (int a = 0; a < plan.arms().size(); a++) {
                PlannedRun run = plan.arms().get(a).runs().get(seed);
                PlannedRun single = alone.arms().get(a).runs().get(0);
                assertEquals(seed, run.seed());
                assertEquals(single.spec().canonical(), run.spec().canonical());
                assertEquals(single.spec(), run.spec());
                assertEquals(single.runId(), run.runId());
            }
        }
    }

    @Test
    void thePaperConfigsLoad() {
        SweepPlan isolated = SweepPlanner.load(SweepFiles.paperConfigs().resolve("isolated.conf"));
        assertEquals("isolated", isolated.name());
        assertEquals(60, isolated.runs().size());
        assertEquals(List.of(Arm.BASE), isolated.arms().stream().map(Arm::name).toList());
        assertEquals(IntStream.range(0, 60).boxed().toList(), isolated.runs().stream().map(PlannedRun::seed).toList());
        RunSpec spec = isolated.runs().get(0).spec();
        assertEquals(5, spec.architecture().latentDim());
        assertEquals(2, spec.architecture().layersPerSide());
        assertEquals(Set.of("anchor", "anti-anchor", "anti-subspace", "separate"), new HashSet<>(spec.regularizerNames()));
        assertTrue(isolated.config().configText().contains("anti-subspace"), "the included run is in the config text");
        assertDistinctIds(isolated);

        SweepPlan anchored = SweepPlanner.load(SweepFiles.paperConfigs().resolve("anchored.conf"));
        assertEquals("anchored", anchored.name());
        assertEquals(60, anchored.runs().size());
        assertEquals(1, anchored.arms().size());
        assertEquals(4, anchored.runs().get(0).spec().architecture().latentDim());
        assertDistinctIds(anchored);
    }

    @Test
    void aPlannedRunSurvivesJavaSerialization() throws Exception {
        SweepPlan plan = files.plan("""
                sweep.name = ser
                run { include "runs/ex-2.4.1.conf" }
                grid.settings { model.hidden-width = [8] }
                """);
        PlannedRun run = plan.runs().get(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(run);
        }
        PlannedRun back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (PlannedRun) in.readObject();
        }
        assertEquals(run.runId(), back.runId());
        assertEquals(run.arm(), back.arm());
        assertEquals(run.axes(), back.axes());
        assertEquals(run.seed(), back.seed());
        assertEquals(run.spec().canonical(), back.spec().canonical());
        assertEquals(run.runId(), RunId.of(back.spec()));
    }

    @Test
    void threeHundredRunsPlanWellUnderASecond() {
        Path file = files.write("big.conf", """
                sweep.name = big
                run {}
                grid {
                  seeds = "0..49"
                  variants {
                    ex-2.4.1 { include "runs/ex-2.4.1.conf" }
                    ex-2.5.1 { include "runs/ex-2.5.1.conf" }
                    ex-2.9.1 { include "runs/ex-2.9.1.conf" }
                  }
                  settings { model.hidden-width = [8, 16] }
                }
                """);
        SweepPlanner.load(file);  // warm-up: class loading and the first parse
        long start = System.nanoTime();
        SweepPlan plan = SweepPlanner.load(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(300, plan.runs().size());
        assertEquals(6, plan.arms().size());
        assertTrue(seconds < 1.0, "300 runs took " + seconds + " s to plan");
    }
}
