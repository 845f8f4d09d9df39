package dev.anchorsweep.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RowValidationTest {

    private static final Instant T = SampleRows.T0;

    @Test
    void idsMustBeSafeInFileAndPartitionNames() {
        assertRejected("run_id must be 1-200 ASCII letters, digits, '-' or '_' starting with a letter or digit"
                        + " (it names files and partitions), but got 'a/b'",
                () -> new HistoryRow("s1", "a/b", 0, 0.01, Map.of(), Map.of("recon", 1.0, "total", 1.0), Map.of()));
        assertRejected("sweep_id must be 1-200 ASCII letters, digits, '-' or '_' starting with a letter or digit"
                        + " (it names files and partitions), but got '_tmp'",
                () -> SampleRows.sweep("_tmp", null, 0, 0));
        assertRejected("sweep_id must be 1-200 ASCII letters, digits, '-' or '_' starting with a letter or digit"
                + " (it names files and partitions), but got null", () -> SampleRows.okRun(null, "r1", 1));
    }

    @Test
    void statusAndErrorAgree() {
        RunRow ok = SampleRows.okRun("s1", "r1", 0.5);
        assertRejected("status must be 'ok', 'stopped' or 'failed', but got 'OK' for run r1", () -> withStatus(ok, "OK", null, null));
        assertRejected("error (required when status is failed) must not be blank, but got null", () -> withStatus(ok, RunRow.FAILED, null, 3));
        assertRejected("an ok run must have no error and no failed_step, but run r1 has error 'boom' and failed_step null",
                () -> withStatus(ok, RunRow.OK, "boom", null));
        assertEquals(RunRow.FAILED, withStatus(ok, RunRow.FAILED, "NaN loss", 3).status());
    }

    @Test
    void aStoppedRunHasItsStepAndRuleAndNoOtherRunHasThem() {
        RunRow ok = SampleRows.okRun("s1", "r1", 0.5);
        assertEquals(300, withStop(ok, RunRow.STOPPED, 300, "behind").stoppedStep());
        assertRejected("a stopped run needs stopped_step and stop_rule, but run r1 has stopped_step null and stop_rule "
                + "'behind'", () -> withStop(ok, RunRow.STOPPED, null, "behind"));
        assertRejected("only a stopped run has stopped_step and stop_rule, but run r1 (ok) has stopped_step 300 and "
                + "stop_rule 'behind'", () -> withStop(ok, RunRow.OK, 300, "behind"));
        assertRejected("stopped_step must be at least 0, but got -1", () -> withStop(ok, RunRow.STOPPED, -1, "behind"));
    }

    private static RunRow withStop(RunRow r, String status, Integer step, String rule) {
        return new RunRow(r.sweepId(), r.runId(), r.arm(), r.seed(), status, null, null, r.regularizers(), r.axes(), r.latentDim(),
                r.hiddenWidth(), r.layers(), r.steps(), r.batchSize(), r.packId(), r.packSize(), r.trainSeconds(), r.evalSeconds(),
                r.finalLoss(), r.finalRecon(), r.finalTerms(), r.valRecon(), r.valTerms(), r.labelCounts(), r.scores(),
                r.selectionIntervention(), r.selectionScore(), r.selectionMetrics(), r.conceptDirection(), r.spec(),
                r.codeVersion(), r.host(), r.jvm(), r.startedAt(), r.finishedAt(), r.attempt(), r.sweepVersion(), r.engine(),
                step, rule, r.conceptLabel(), r.conceptGroup(), r.conceptError(), r.otherLabel(), r.otherError());
    }

    @Test
    void valuesOutsideTheirRangeAreRejectedWithTheValue() {
        assertRejected("r must be in [0, 1], but got 1.5", () -> new EvaluationRow("s1", "r1", "baseline", "grid", 0, null,
                1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, null));
        assertRejected("latent must hold at least one colour (run r1, step 0)",
                () -> new LatentRow("s1", "r1", 0, "baseline", "grid", new double[0], new double[0], new double[0], new double[0][]));
        assertRejected("g must hold one value per colour (2 latents), but holds 1 (run r1, step 0)",
                () -> new LatentRow("s1", "r1", 0, "baseline", "grid", new double[2], new double[1], new double[2], new double[2][3]));
        assertRejected("b must be in [0, 1], but got -0.5",
                () -> new LatentRow("s1", "r1", 0, "baseline", "grid", new double[2], new double[2], new double[] {0, -0.5}, new double[2][3]));
        assertRejected("every colour's latent must hold the same number (≥ 1) of values, but colour 1 has 2 and colour 0 has 3 (run r1, step 0)",
                () -> new LatentRow("s1", "r1", 0, "baseline", "grid", new double[2], new double[2], new double[2],
                        new double[][] {{1, 2, 3}, {1, 2}}));
        assertRejected("losses must be empty or hold 'recon' and 'total', but run r1 step 5 has [recon]",
                () -> new HistoryRow("s1", "r1", 5, 0.01, Map.of(), Map.of("recon", 1.0), Map.of()));
        assertRejected("runs_ok + runs_failed + runs_stopped must not exceed runs_total, but got 8 + 3 + 0 > 10 in sweep s1",
                () -> SampleRows.sweep("s1", null, 8, 3));
        assertRejected("finished_at must not be before created_at (2025-03-01T10:15:30.123Z), but got 2025-03-01T10:15:29.123Z",
                () -> SampleRows.sweep("s1", T.minusSeconds(1), 0, 0));
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("anchor", null);
        assertRejected("weights must not hold null keys or values, but got anchor -> null",
                () -> new HistoryRow("s1", "r1", 5, 0.01, withNull, Map.of("recon", 1.0, "total", 1.0), Map.of()));
    }

    @Test
    void timestampsAreKeptAtMillisecondPrecisionAndCollectionsAreCopied() {
        Map<String, Double> weights = new HashMap<>(Map.of("anchor", 0.1));
        HistoryRow row = new HistoryRow("s1", "r1", 0, 0.01, weights, Map.of("recon", 1.0, "total", 1.0), Map.of());
        weights.put("separate", 0.2);
        assertEquals(Map.of("anchor", 0.1), row.weights());
        SweepRow sweep = new SweepRow("s1", 1, "h", List.of("r1"), "n", "c", null, Instant.parse("2025-01-01T00:00:00.123456789Z"), null, 1, 0, 0, 0, "local", "v");
        assertEquals(Instant.parse("2025-01-01T00:00:00.123Z"), sweep.createdAt());
    }

    @Test
    void runRowsBelongToOneRun() {
        RunRows other = SampleRows.run("s1", "r2", 1, 0, 0, 0.5);
        assertRejected("every row of a run must carry its sweep_id and run_id (s1, r1), but a history row has (s1, r2)",
                () -> new RunRows(SampleRows.okRun("s1", "r1", 0.5), other.history(), List.of(), List.of()));
    }

    private static RunRow withStatus(RunRow r, String status, String error, Integer failedStep) {
        return new RunRow(r.sweepId(), r.runId(), r.arm(), r.seed(), status, error, failedStep, r.regularizers(), r.axes(), r.latentDim(),
                r.hiddenWidth(), r.layers(), r.steps(), r.batchSize(), r.packId(), r.packSize(), r.trainSeconds(), r.evalSeconds(),
                r.finalLoss(), r.finalRecon(), r.finalTerms(), r.valRecon(), r.valTerms(), r.labelCounts(), r.scores(),
                r.selectionIntervention(), r.selectionScore(), r.selectionMetrics(), r.conceptDirection(), r.spec(),
                r.codeVersion(), r.host(), r.jvm(), r.startedAt(), r.finishedAt(), r.attempt(), r.sweepVersion(), r.engine(), null, null,
                r.conceptLabel(), r.conceptGroup(), r.conceptError(), r.otherLabel(), r.otherError());
    }

    private static void assertRejected(String message, Executable construction) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construction).getMessage());
    }
}
