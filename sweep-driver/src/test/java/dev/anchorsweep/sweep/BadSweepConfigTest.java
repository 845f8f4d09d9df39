package dev.anchorsweep.sweep;

import dev.anchorsweep.config.ConfigProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.anchorsweep.sweep.SweepFiles.lineInRun;
import static dev.anchorsweep.sweep.SweepFiles.lineOf;
import static dev.anchorsweep.sweep.SweepFiles.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each bad sweep file fails at load with its specific problem: the message, the config path and file:line. */
class BadSweepConfigTest {

    @TempDir
    Path dir;
    SweepFiles files;

    @BeforeEach
    void setUp() {
        files = new SweepFiles(dir);
    }

    /** file:line of a line of the sweep file. */
    private String at(String text, String marker) {
        return dir.resolve("sweep.conf") + ":" + lineOf(text, marker);
    }

    /** file:line of a line of an included run config. */
    private String atRun(String file, String marker) {
        return dir.resolve("runs").resolve(file) + ":" + lineInRun(file, marker);
    }

    @Test
    void aValueOfTheWrongTypeInTheRun() {
        String text = """
                sweep.name = typed
                run {
                  include "runs/ex-2.4.1.conf"
                  model.latent-dim = five
                }
                """;
        ConfigProblem p = problem(files.problems(text), "run.model.latent-dim", "must be a whole number");
        assertEquals("arm 'base': must be a whole number in 1..1024, but got \"five\" (string)", p.message());
        assertEquals(at(text, "latent-dim = five"), p.origin());
    }

    @Test
    void aValueOfTheWrongTypeInASettingsCell() {
        String text = """
                sweep.name = typed
                run { include "runs/ex-2.4.1.conf" }
                grid.settings {
                  "model.hidden-width" = [8, wide]
                }
                """;
        List<ConfigProblem> problems = files.problems(text);
        ConfigProblem p = problem(problems, "run.model.hidden-width", "arm 'model.hidden-width=wide'");
        assertTrue(problems.stream().noneMatch(q -> q.message().contains("model.hidden-width=8")), problems.toString());
        assertTrue(p.message().endsWith("must be a whole number in 1..4096, but got \"wide\" (string)"), p.message());
        assertEquals(at(text, "[8, wide]"), p.origin());
    }

    @Test
    void anUnknownGridKeyGetsADidYouMean() {
        String text = """
                sweep.name = typo
                run { include "runs/ex-2.4.1.conf" }
                grid {
                  seed = "0..3"
                }
                """;
        ConfigProblem p = problem(files.problems(text), "grid.seed", "unknown setting 'seed'");
        assertTrue(p.message().contains("did you mean 'seeds'?"), p.message());
        assertEquals(at(text, "seed = "), p.origin());
    }

    @Test
    void anUnknownSweepKeyGetsADidYouMean() {
        String text = """
                sweep {
                  name = typo
                  descripton = "typo"
                }
                run { include "runs/ex-2.4.1.conf" }
                """;
        ConfigProblem p = problem(files.problems(text), "sweep.descripton", "unknown setting 'descripton'");
        assertTrue(p.message().contains("did you mean 'description'?"), p.message());
        assertEquals(at(text, "descripton ="), p.origin());
    }

    @Test
    void keyframesOutOfOrderInAScheduleVariant() {
        String text = """
                sweep.name = keys
                run { include "runs/ex-2.9.1.conf" }
                grid.schedules {
                  "regularizers.anchor.weight" {
                    good = [[0, 0.1], [500, 0]]
                    bad = [[500, 0.1], [100, 0]]
                  }
                }
                """;
        List<ConfigProblem> problems = files.problems(text);
        ConfigProblem p = problem(problems, "run.regularizers.anchor.weight", "keyframe steps must increase");
        assertTrue(problems.stream().noneMatch(q -> q.message().contains("=good")), problems.toString());
        assertEquals("arm 'regularizers.anchor.weight=bad': keyframe steps must increase, but got 100 after 500",
                p.message());
        assertEquals(at(text, "bad = "), p.origin());
    }

    @Test
    void aNegativeWeight() {
        String text = """
                sweep.name = negative
                run { include "runs/ex-2.9.1.conf" }
                grid.schedules {
                  "regularizers.separate.weight" { off = 0, negative = -0.5 }
                }
                """;
        ConfigProblem p = problem(files.problems(text), "run.regularizers.separate.weight", "must be ≥ 0");
        assertEquals("arm 'regularizers.separate.weight=negative': regularizer weights must be ≥ 0, but the schedule"
                + " reaches -0.5", p.message());
        assertEquals(at(text, "negative = -0.5"), p.origin());
    }

    @Test
    void aDirectionOfTheWrongLengthInACellThatChangesK() {
        String text = """
                sweep.name = k
                run { include "runs/ex-2.9.1.conf" }
                grid.settings { "model.latent-dim" = [4, 5] }
                """;
        List<ConfigProblem> problems = files.problems(text);
        ConfigProblem p = problem(problems, "run.regularizers.anchor.direction", "one entry per latent dim");
        assertEquals("arm 'model.latent-dim=4': must have one entry per latent dim (model.latent-dim = 4), but got 5:"
                + " [1.0, 0.0, 0.0, 0.0, 0.0]", p.message());
        assertEquals(atRun("ex-2.9.1.conf", "anchor { type = anchor"), p.origin());
        assertTrue(problems.stream().noneMatch(q -> q.message().contains("model.latent-dim=5")),
                "the K = 5 arm is fine: " + problems);
    }

    @Test
    void anUnknownConcept() {
        String text = """
                sweep.name = concept
                run { include "runs/ex-2.4.1.conf" }
                grid.settings {
                  "regularizers.anchor.concept" = [red, bleu]
                }
                """;
        ConfigProblem p = problem(files.problems(text), "run.regularizers.anchor.concept", "'bleu' is not valid");
        assertEquals("arm 'regularizers.anchor.concept=bleu': 'bleu' is not valid (valid: red, vibrant)", p.message());
        assertEquals(at(text, "[red, bleu]"), p.origin());
    }

    @Test
    void anEmptyRegularizerSubsetsListLeavesTheGridWithoutRuns() {
        String text = """
                sweep.name = empty
                run { include "runs/ex-2.4.1.conf" }
                grid.regularizer-subsets = []
                """;
        ConfigProblem p = problem(files.problems(text), "grid.regularizer-subsets", "the grid has no runs");
        assertTrue(p.message().contains("regularizer-subsets is an empty list"), p.message());
        assertEquals(at(text, "regularizer-subsets = []"), p.origin());
    }

    @Test
    void anEmptySeedListLeavesTheGridWithoutRuns() {
        String text = """
                sweep.name = empty
                run { include "runs/ex-2.4.1.conf" }
                grid.seeds = []
                """;
        ConfigProblem p = problem(files.problems(text), "grid.seeds", "the grid has no runs");
        assertTrue(p.message().contains("grid.seeds is an empty list"), p.message());
        assertEquals(at(text, "seeds = []"), p.origin());
    }

    @Test
    void aReversedSeedRange() {
        String text = """
                sweep.name = reversed
                run { include "runs/ex-2.4.1.conf" }
                grid {
                  seeds = "59..0"
                }
                """;
        ConfigProblem p = problem(files.problems(text), "grid.seeds", "seed range must go up");
        assertTrue(p.message().startsWith("seed range must go up, but got 59..0"), p.message());
        assertEquals(at(text, "59..0"), p.origin());
    }

    @Test
    void anUnknownRegularizerInRegularizerSubsets() {
        String text = """
                sweep.name = subsets
                run { include "runs/ex-2.9.1.conf" }
                grid {
                  regularizer-subsets = [anchor, separat]
                }
                """;
        ConfigProblem p = problem(files.problems(text), "grid.regularizer-subsets", "'separat'");
        assertEquals("regularizer 'separat' (did you mean 'separate'?) is not defined in the run (its regularizers:"
                + " anchor, anti-anchor, anti-subspace, separate)", p.message());
        assertEquals(at(text, "separat]"), p.origin());
    }

    @Test
    void aRegularizerMissingFromOneVariantIsReportedForThatVariant() {
        String text = """
                sweep.name = variants
                run {}
                grid {
                  regularizer-subsets = [anchor, separate]
                  variants {
                    ex-2.4.1 { include "runs/ex-2.4.1.conf" }
                    ex-2.7.1 { include "runs/ex-2.7.1.conf" }
                  }
                }
                """;
        List<ConfigProblem> problems = files.problems(text);
        ConfigProblem p = problem(problems, "grid.regularizer-subsets", "variant 'ex-2.7.1'");
        assertTrue(p.message().startsWith("variant 'ex-2.7.1': regularizer 'anchor' is not defined in the run"),
                p.message());
        assertEquals(at(text, "regularizer-subsets"), p.origin());
        assertTrue(problems.stream().noneMatch(q -> q.message().contains("ex-2.4.1")), problems.toString());
    }

    @Test
    void theSeedComesFromGridSeedsOnly() {
        String text = """
                sweep.name = seeds
                run {}
                grid {
                  variants {
                    ex-2.4.1 {
                      include "runs/ex-2.4.1.conf"
                      seed = 3
                    }
                  }
                  settings { seed = [1, 2] }
                }
                """;
        List<ConfigProblem> problems = files.problems(text);
        ConfigProblem variant = problem(problems, "grid.variants.\"ex-2.4.1\".seed", "a variant cannot set the seed");
        assertEquals(at(text, "seed = 3"), variant.origin());
        ConfigProblem setting = problem(problems, "grid.settings.seed", "vary it with grid.seeds");
        assertEquals(at(text, "seed = [1, 2]"), setting.origin());
    }

    @Test
    void aVariantNameThatCannotBePartOfAnArmName() {
        String text = """
                sweep.name = names
                run {}
                grid.variants {
                  "with space" { include "runs/ex-2.4.1.conf" }
                }
                """;
        ConfigProblem p = problem(files.problems(text), "grid.variants", "but got 'with space'");
        assertEquals(at(text, "with space"), p.origin());
    }

    @Test
    void aSchedulesPathThatIsNotASchedule() {
        String text = """
                sweep.name = schedules
                run { include "runs/ex-2.4.1.conf" }
                grid.schedules {
                  "model.latent-dim" { small = 4, large = 5 }
                }
                """;
        ConfigProblem p = problem(files.problems(text), "grid.schedules.\"model.latent-dim\"", "is not a schedule");
        assertTrue(p.message().startsWith("'model.latent-dim' is not a schedule: the schedules of a run are training.lr"
                + " and regularizers.<name>.weight"), p.message());
        assertEquals(at(text, "small = 4"), p.origin());
    }

    @Test
    void aScheduleTheRunDoesNotHave() {
        String text = """
                sweep.name = schedules
                run { include "runs/ex-2.4.1.conf" }
                grid.schedules {
                  "regularizers.anchr.weight" { a = 0.1, b = 0.2 }
                }
                """;
        ConfigProblem p = problem(files.problems(text), "grid.schedules.\"regularizers.anchr.weight\"",
                "the run has no schedule");
        assertTrue(p.message().contains("did you mean 'regularizers.anchor.weight'?"), p.message());
        assertEquals(at(text, "anchr"), p.origin());
    }

    @Test
    void aSettingTheRunDoesNotHave() {
        String text = """
                sweep.name = settings
                run { include "runs/ex-2.4.1.conf" }
                grid.settings {
                  "model.latent-dm" = [4, 5]
                }
                """;
        ConfigProblem p = problem(files.problems(text), "grid.settings.\"model.latent-dm\"", "the run has no setting");
        assertTrue(p.message().contains("did you mean 'model.latent-dim'?"), p.message());
        assertEquals(at(text, "latent-dm"), p.origin());
    }

    @Test
    void aSettingThatIsNotScalar() {
        String text = """
                sweep.name = settings
                run { include "runs/ex-2.4.1.conf" }
                grid.settings {
                  "evaluation.sets" = [named, rgb-grid]
                }
                """;
        ConfigProblem p = problem(files.problems(text), "grid.settings.\"evaluation.sets\"", "not a scalar setting");
        assertTrue(p.message().startsWith("'evaluation.sets' is a list in the run"), p.message());
    }

    @Test
    void aMissingSweepName() {
        String text = """
                sweep {
                  description = "no name"
                }
                run { include "runs/ex-2.4.1.conf" }
                """;
        ConfigProblem p = problem(files.problems(text), "sweep.name", "needs a name");
        assertEquals(at(text, "sweep {"), p.origin());
    }

    @Test
    void aMissingSweepSection() {
        String text = """
                run { include "runs/ex-2.4.1.conf" }
                """;
        problem(files.problems(text), "sweep", "the sweep file has no 'sweep' section");
    }

    @Test
    void aSweepNameWithBadCharacters() {
        String text = """
                sweep {
                  name = "my sweep/1"
                }
                run { include "runs/ex-2.4.1.conf" }
                """;
        ConfigProblem p = problem(files.problems(text), "sweep.name", "but got 'my sweep/1'");
        assertTrue(p.message().contains("[A-Za-z0-9][A-Za-z0-9_-]*"), p.message());
        assertEquals(at(text, "my sweep/1"), p.origin());
    }

    @Test
    void aTooLongSweepName() {
        String name = "a".repeat(101);
        String text = "sweep.name = " + name + "\nrun {}\n";
        ConfigProblem p = problem(files.problems(text), "sweep.name", "at most 100 characters");
        assertEquals("a sweep name must have at most 100 characters, but got 101", p.message());
    }

    @Test
    void twoCellsThatGiveTheSameRun() {
        String text = """
                sweep.name = duplicates
                run { include "runs/ex-2.4.1.conf" }
                grid {
                  seeds = [0, 1]
                  schedules { "training.lr" { constant = 0.01, one-key = [[0, 0.01]] } }
                }
                """;
        List<ConfigProblem> problems = files.problems(text);
        assertEquals(1, problems.size(), "one problem for the pair of arms, not one per seed: " + problems);
        ConfigProblem p = problem(problems, "grid", "give the same run");
        assertTrue(p.message().startsWith("arms 'training.lr=constant' and 'training.lr=one-key' give the same run"
                + " (seed 0, run_id "), p.message());
        assertEquals(at(text, "grid {"), p.origin());
    }

    @Test
    void aScheduleOfARegularizerThatASubsetDropsHasNoEffectThere() {
        String text = """
                sweep.name = dropped
                run { include "runs/ex-2.9.1.conf" }
                grid {
                  regularizer-subsets = [anchor, separate]
                  schedules { "regularizers.anchor.weight" { early = [[0, 0.1], [500, 0]], late = 0.1 } }
                }
                """;
        ConfigProblem p = problem(files.problems(text), "grid", "give the same run");
        assertTrue(p.message().startsWith("arms 'regularizers=separate, regularizers.anchor.weight=early' and"
                + " 'regularizers=separate, regularizers.anchor.weight=late' give the same run"), p.message());
    }

    @Test
    void aTooLargeGrid() {
        String text = """
                sweep.name = huge
                run { include "runs/ex-2.4.1.conf" }
                grid {
                  seeds = "0..49999"
                  settings { model.hidden-width = [8, 16, 32] }
                }
                """;
        ConfigProblem p = problem(files.problems(text), "grid", "more than the 100000");
        assertTrue(p.message().startsWith("the grid has 150000 runs (3 arms × 50000 seeds)"), p.message());
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        String text = """
                sweep { name = "bad name", colour = red }
                run {
                  include "runs/ex-2.9.1.conf"
                  training.batch-size = -1
                }
                grid {
                  seeds = "9..0"
                  settings { "model.latent-dm" = [4, 5] }
                }
                """;
        List<ConfigProblem> problems = files.problems(text);
        problem(problems, "sweep.name", "but got 'bad name'");
        problem(problems, "sweep.colour", "unknown setting 'colour'");
        problem(problems, "grid.seeds", "seed range must go up, but got 9..0");
        problem(problems, "grid.settings.\"model.latent-dm\"", "the run has no setting");
        problem(problems, "run.training.batch-size", "must be in 1..1048576, but got -1");
    }
}
