package dev.anchorsweep.fused;

import dev.anchorsweep.run.PackShape;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.train.PackTrainer;
import dev.anchorsweep.train.RunFailure;
import dev.anchorsweep.train.TrainedRun;
import dev.anchorsweep.train.Trainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The fused engine: trains a pack of runs of one {@link PackShape} as tight vectorised loops over float arrays, one
 * run after the other on one thread (the runs share nothing, so the order changes no result), with one pair of
 * networks (training and validation batch) reused by every run of the pack: no allocation per step. Gives the
 * {@link TrainedRun}s the SameDiff engine ({@link PackTrainer}) gives, up to float rounding.
 */
public final class FusedPackTrainer implements Trainer {

    private static final Logger log = LoggerFactory.getLogger(FusedPackTrainer.class);

    private final PackTrainer.Progress progress;

    public FusedPackTrainer() {
        this(PackTrainer.Progress.NONE);
    }

    public FusedPackTrainer(PackTrainer.Progress progress) {
        this.progress = progress;
    }

    @Override
    public List<TrainedRun> train(List<RunSpec> runs) {
        if (runs.isEmpty()) return List.of();
        PackShape shape = PackShape.of(runs);
        for (RunSpec r : runs) {
            FusedSupport.check(r).ifPresent(reason -> {
                throw new IllegalArgumentException("the fused engine cannot train this run: " + reason);
            });
        }
        long start = System.nanoTime();
        FusedLayout layout = new FusedLayout(shape.architecture());
        Networks nets = new Networks(layout);
        Network validationNet = new Network(layout, dev.anchorsweep.color.ColorSets.validation().size());
        FusedRun.loadValidationColors(validationNet);
        int packSize = runs.size();
        List<TrainedRun> trained = new ArrayList<>();
        for (int p = 0; p < packSize; p++) {
            RunSpec run = runs.get(p);
            int done = p;
            try {
                trained.add(new FusedRun(run, layout, nets, validationNet)
                        .train(f -> progress.trained((done + f) / packSize)));
            } catch (RuntimeException e) {
                if (dev.anchorsweep.train.TrainerWarmUp.onThisThread()) log.debug("warm-up run failed: {}", e.toString());
                else log.warn("run (seed {}) failed: {}", run.seed(), e.toString());
                trained.add(TrainedRun.failed(run, RunFailure.thrown(e), 0));
            }
        }
        double perRun = (System.nanoTime() - start) / 1e9 / packSize;
        List<TrainedRun> out = new ArrayList<>();
        for (TrainedRun r : trained) {
            out.add(new TrainedRun(r.spec(), r.weights(), r.history(), r.labelCounts(), r.snapshots(), r.failure(),
                    perRun, r.weights() == null ? 1 : packSize));
        }
        return out;
    }
}
