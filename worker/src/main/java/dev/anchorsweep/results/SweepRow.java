package dev.anchorsweep.results;

import static dev.anchorsweep.results.ColumnCheck.*;

import java.time.Instant;

/**
 * One row of the {@code sweeps} table: a sweep's resolved config, its times and run counts.
 * Written when the sweep starts and rewritten when it finishes (latest wins).
 *
 * @param configFile the config file the sweep came from; null when given inline
 * @param finishedAt null while the sweep runs
 */
public record SweepRow(String sweepId, String name, String config, String configFile, Instant createdAt, Instant finishedAt,
                       int runsTotal, int runsOk, int runsFailed, String master, String codeVersion) {

    public SweepRow {
        sweepId = id("sweep_id", sweepId);
        name = text("name", name);
        config = present("config", config);
        configFile = optionalText("config_file", configFile);
        createdAt = millis("created_at", createdAt);
        finishedAt = notBefore("finished_at", optionalMillis("finished_at", finishedAt), "created_at", createdAt);
        atLeast("runs_total", runsTotal, 0);
        atLeast("runs_ok", runsOk, 0);
        atLeast("runs_failed", runsFailed, 0);
        if (runsOk + runsFailed > runsTotal) {
            throw new IllegalArgumentException("runs_ok + runs_failed must not exceed runs_total, but got "
                    + runsOk + " + " + runsFailed + " > " + runsTotal + " in sweep " + sweepId);
        }
        master = text("master", master);
        codeVersion = text("code_version", codeVersion);
    }
}
