package dev.anchorsweep.results;

import java.time.Instant;

/** A run as a runs file records it: enough to resume a sweep without reading any other table. */
public record CommittedRun(String runId, String status, String commitId, Instant finishedAt, String file) {

    public boolean ok() {
        return RunRow.OK.equals(status);
    }

    /** Failed (what {@code --rerun-failed} trains again; a stopped run is not failed). */
    public boolean failed() {
        return RunRow.FAILED.equals(status);
    }
}
