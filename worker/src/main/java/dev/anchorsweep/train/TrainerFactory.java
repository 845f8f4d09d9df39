package dev.anchorsweep.train;

import dev.anchorsweep.fused.FusedPackTrainer;
import dev.anchorsweep.fused.FusedSupport;
import dev.anchorsweep.run.Engine;
import dev.anchorsweep.run.RunSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Picks the engine of every run: its {@code training.engine}, with {@code auto} resolved to fused when the fused
 * engine supports the run ({@link FusedSupport}) and to SameDiff otherwise.
 */
public final class TrainerFactory {

    private TrainerFactory() {
    }

    /** The engine that trains {@code run}: FUSED or SAMEDIFF, never AUTO. */
    public static Engine resolve(RunSpec run) {
        Engine asked = run.training().engine();
        if (asked != Engine.AUTO) return asked;
        return FusedSupport.check(run).isEmpty() || SameDiffSupport.check(run).isPresent() ? Engine.FUSED : Engine.SAMEDIFF;
    }

    /** A trainer of packs that trains each run with its resolved engine (a pack normally resolves to one). */
    public static Trainer trainer(PackTrainer.Progress progress) {
        return runs -> train(runs, progress);
    }

    public static Trainer trainer() {
        return trainer(PackTrainer.Progress.NONE);
    }

    /** A trainer of exactly this engine whatever the runs ask for; AUTO resolves per run. */
    public static Trainer of(Engine engine) {
        return switch (engine) {
            case FUSED -> new FusedPackTrainer();
            case SAMEDIFF -> new PackTrainer();
            case AUTO -> trainer();
        };
    }

    private static List<TrainedRun> train(List<RunSpec> runs, PackTrainer.Progress progress) {
        List<RunSpec> fused = new ArrayList<>();
        List<RunSpec> samediff = new ArrayList<>();
        for (RunSpec r : runs) (resolve(r) == Engine.FUSED ? fused : samediff).add(r);
        if (samediff.isEmpty()) return new FusedPackTrainer(progress).train(runs);
        if (fused.isEmpty()) return new PackTrainer(progress).train(runs);
        double share = (double) fused.size() / runs.size();
        List<TrainedRun> a = new FusedPackTrainer(f -> progress.trained(f * share)).train(fused);
        List<TrainedRun> b = new PackTrainer(f -> progress.trained(share + f * (1 - share))).train(samediff);
        TrainedRun[] out = new TrainedRun[runs.size()];
        int i = 0, j = 0;
        for (int p = 0; p < runs.size(); p++) out[p] = resolve(runs.get(p)) == Engine.FUSED ? a.get(i++) : b.get(j++);
        return Arrays.asList(out);
    }
}
