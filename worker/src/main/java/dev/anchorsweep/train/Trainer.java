package dev.anchorsweep.train;

import dev.anchorsweep.run.RunSpec;

import java.util.List;

/** A training engine: trains a pack of runs of one pack shape, one {@link TrainedRun} per run, in order. */
public interface Trainer {
    List<TrainedRun> train(List<RunSpec> runs);
}
