package dev.anchorsweep.driver;

import dev.anchorsweep.job.RunTicket;

import java.io.Serializable;
import java.util.List;

/** Runs of one pack shape trained together in one graph: one Spark task. */
public record Pack(String packId, List<RunTicket> runs) implements Serializable {

    public Pack {
        runs = List.copyOf(runs);
    }

}
