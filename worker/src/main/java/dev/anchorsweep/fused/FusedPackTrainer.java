package dev.anchorsweep.fused;

import dev.anchorsweep.run.PackShape;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.train.PackTrainer;
import dev.anchorsweep.train.RunFailure;
import dev.anchorsweep.train.TrainedRun;
import dev.anchorsweep.train.Trainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.anchorsweep.stopping.ArmValidations;
import dev.anchorsweep.stopping.StopCheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The fused engine: trains a pack of runs of one {@link PackShape} as tight vectorised loops over float arrays on one
 * thread, the runs in turns of {@link #TURN_STEPS} steps, in seed order (the runs share nothing, so the order changes
 * no result but a median stopping rule's, which compares a run with its arm's runs trained before it: a pack with a
 * stopping rule trains one run after the other), with one pair of networks (training and validation batch) reused by
 * every run of the pack: no allocation per step. Gives the {@link TrainedRun}s the SameDiff engine
 * ({@link PackTrainer}) gives, up to float rounding.
 */
public final class FusedPackTrainer implements Trainer {

    private static final Logger log = LoggerFactory.getLogger(FusedPackTrainer.class);

    private final PackTrainer.Progress progress;
    private long stepsTrained;

    public FusedPackTrainer() {
        this(PackTrainer.Progress.NONE);
    }

    public FusedPackTrainer(PackTrainer.Progress progress) {
        this.progress = progress;
    }

    /** The updates (model-steps) this trainer has applied, over every pack it trained: what stopping saves. */
    public long stepsTrained() {
        return stepsTrained;
    }

    /**
     * Steps a run trains before the next run of the pack takes its turn ({@link #inTurns}): the data tables of a
     * stretch of a schedule's steps ({@link dev.anchorsweep.data.DataSampler}: ~1 KB per step where the values move)
     * stay in the core's cache for all the runs that follow the schedule, while a run's own state (parameters, Adam
     * moments: a few KB) is fetched again once per stretch.
     */
    static final int TURN_STEPS = 64;

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
        // seed order (stable): a median rule compares a run with the runs of its arm trained before it
        Integer[] order = new Integer[packSize];
        for (int p = 0; p < packSize; p++) order[p] = p;
        Arrays.sort(order, Comparator.comparingInt(p -> runs.get(p).seed()));
        TrainedRun[] trained = new TrainedRun[packSize];
        boolean stopping = runs.stream().anyMatch(r -> !r.stopping().isEmpty());
        if (stopping) oneAfterTheOther(runs, order, layout, nets, validationNet, trained);
        else inTurns(runs, order, layout, nets, validationNet, trained);
        double perRun = (System.nanoTime() - start) / 1e9 / packSize;
        List<TrainedRun> out = new ArrayList<>();
        for (TrainedRun r : trained) {
            out.add(new TrainedRun(r.spec(), r.weights(), r.history(), r.labelCounts(), r.snapshots(), r.failure(),
                    perRun, r.weights() == null ? 1 : packSize, r.stop()));
        }
        return out;
    }

    /**
     * Trains each run to its end before the next, in {@code order}: where a stopping rule compares a run with its
     * arm's runs trained before it, those are then trained to their ends.
     */
    private void oneAfterTheOther(List<RunSpec> runs, Integer[] order, FusedLayout layout, Networks nets,
                                  Network validationNet, TrainedRun[] trained) {
        int packSize = runs.size();
        ArmValidations arms = new ArmValidations();
        for (int i = 0; i < packSize; i++) {
            int p = order[i];
            RunSpec run = runs.get(p);
            int done = i;
            try {
                FusedRun fused = new FusedRun(run, layout, nets, validationNet);
                trained[p] = fused.train(f -> progress.trained((done + f) / packSize), new StopCheck(run, arms));
                stepsTrained += fused.updates();
                if (!run.stopping().isEmpty()) arms.add(ArmValidations.armOf(run), fused.validations());
            } catch (RuntimeException e) {
                trained[p] = failed(run, e);
            }
        }
    }

    /**
     * Trains the runs in turns, {@link #TURN_STEPS} steps each, in {@code order}, until all are done: each computes
     * what it computes trained alone ({@link FusedRun#advance}), while the steps' data tables that the runs of a
     * schedule share are read from the cache instead of memory. A run that throws is recorded as failed; the others go
     * on.
     */
    private void inTurns(List<RunSpec> runs, Integer[] order, FusedLayout layout, Networks nets, Network validationNet,
                         TrainedRun[] trained) {
        int packSize = runs.size();
        FusedRun[] fused = new FusedRun[packSize];
        double[] fraction = new double[packSize];
        StopCheck[] never = new StopCheck[packSize];
        for (int p = 0; p < packSize; p++) {
            RunSpec run = runs.get(p);
            try {
                fused[p] = new FusedRun(run, layout, nets, validationNet);
                never[p] = new StopCheck(run, new ArmValidations());
            } catch (RuntimeException e) {
                trained[p] = failed(run, e);
                fraction[p] = 1;
            }
        }
        boolean any = true;
        for (int until = TURN_STEPS; any; until += TURN_STEPS) {
            any = false;
            for (int i = 0; i < packSize; i++) {
                int p = order[i];
                if (fused[p] == null) continue;
                try {
                    if (fused[p].advance(until, f -> {
                        fraction[p] = f;
                        progress.trained(Arrays.stream(fraction).sum() / packSize);
                    }, never[p])) {
                        trained[p] = fused[p].result();
                        stepsTrained += fused[p].updates();
                        fused[p] = null;
                        fraction[p] = 1;
                    } else {
                        any = true;
                    }
                } catch (RuntimeException e) {
                    trained[p] = failed(runs.get(p), e);
                    fused[p] = null;
                    fraction[p] = 1;
                }
            }
        }
    }

    private static TrainedRun failed(RunSpec run, RuntimeException e) {
        if (dev.anchorsweep.train.TrainerWarmUp.onThisThread()) log.debug("warm-up run failed: {}", e.toString());
        else log.warn("run (seed {}) failed: {}", run.seed(), e.toString());
        return TrainedRun.failed(run, RunFailure.thrown(e), 0);
    }
}
