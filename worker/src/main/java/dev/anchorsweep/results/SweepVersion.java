package dev.anchorsweep.results;

import java.time.Instant;
import java.util.List;

/** One version of a sweep as its {@code sweeps} row records it (see {@link SweepRow}). */
public record SweepVersion(int version, String configHash, List<String> runIds, Instant createdAt, String configFile) {

    public SweepVersion {
        runIds = List.copyOf(runIds);
    }
}
