package dev.anchorsweep.results;

import static dev.anchorsweep.results.ColumnCheck.*;

import java.time.Instant;
import java.util.List;

/**
 * One row of the {@code sweeps} table: one version of a sweep — its resolved config, the runs it plans, its times
 * and run counts. Written when the version starts and rewritten when it finishes (latest wins).
 *
 * @param version    1 for the sweep's first config, one more for each changed resolved config
 * @param configHash SHA-256 (hex) of {@code config}
 * @param runIds     the runs the version plans
 * @param configFile the config file the sweep came from; null when given inline
 * @param finishedAt null while the sweep runs
 */
public record SweepRow(String sweepId, int version, String configHash, List<String> runIds, String name, String config, String configFile, Instant createdAt, Instant finishedAt,
                       int runsTotal, int runsOk, int runsFailed, int runsStopped, String master, String codeVersion) {

    public SweepRow {
        sweepId = id("sweep_id", sweepId);
        atLeast("version", version, 1);
        configHash = text("config_hash", configHash);
        runIds = list("run_ids", runIds);
        name = text("name", name);
        config = present("config", config);
        configFile = optionalText("config_file", configFile);
        createdAt = millis("created_at", createdAt);
        finishedAt = notBefore("finished_at", optionalMillis("finished_at", finishedAt), "created_at", createdAt);
        atLeast("runs_total", runsTotal, 0);
        atLeast("runs_ok", runsOk, 0);
        atLeast("runs_failed", runsFailed, 0);
        atLeast("runs_stopped", runsStopped, 0);
        if (runsTotal != runIds.size()) {
            throw new IllegalArgumentException("runs_total must equal the number of run_ids, but got " + runsTotal
                    + " and " + runIds.size() + " run ids in version " + version + " of sweep " + sweepId);
        }
        if (runsOk + runsFailed + runsStopped > runsTotal) {
            throw new IllegalArgumentException("runs_ok + runs_failed + runs_stopped must not exceed runs_total, but got "
                    + runsOk + " + " + runsFailed + " + " + runsStopped + " > " + runsTotal + " in sweep " + sweepId);
        }
        master = text("master", master);
        codeVersion = text("code_version", codeVersion);
    }
}
