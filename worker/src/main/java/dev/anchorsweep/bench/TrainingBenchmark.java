package dev.anchorsweep.bench;

import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.train.PackTrainer;
import dev.anchorsweep.train.TrainedRun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Milliseconds of wall time per model-step of the real trainer: packs of P runs (seeds 0..P−1 of a template run)
 * trained for a fixed number of steps, on one thread or on several threads at once (one pack each), median of several
 * repetitions after a warm-up.
 */
public final class TrainingBenchmark {

    /** One measurement: median and all repetitions, in ms of wall time per model-step. */
    public record Result(String name, int packSize, int threads, double medianMs, double[] repetitionsMs) {
        public double runSeconds(int steps) {
            return medianMs * steps / 1000;
        }
    }

    private final int steps;
    private final int repetitions;

    public TrainingBenchmark(int steps, int repetitions) {
        this.steps = steps;
        this.repetitions = repetitions;
    }

    public Result measure(String name, RunSpec template, int packSize, int threads) throws Exception {
        List<List<RunSpec>> packs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<RunSpec> pack = new ArrayList<>();
            for (int p = 0; p < packSize; p++) pack.add(template.shortened(steps, t * packSize + p));
            packs.add(pack);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            runAll(pool, packs); // warm-up: JIT, native libraries, workspaces
            double[] ms = new double[repetitions];
            for (int r = 0; r < repetitions; r++) {
                long start = System.nanoTime();
                runAll(pool, packs);
                ms[r] = (System.nanoTime() - start) / 1e6 / ((double) steps * packSize * threads);
            }
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            return new Result(name, packSize, threads, median, ms);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runAll(ExecutorService pool, List<List<RunSpec>> packs) throws Exception {
        List<Future<List<TrainedRun>>> futures = new ArrayList<>();
        for (List<RunSpec> pack : packs) futures.add(pool.submit(() -> new PackTrainer().train(pack)));
        for (Future<List<TrainedRun>> f : futures) {
            for (TrainedRun r : f.get()) {
                if (!r.ok()) throw new IllegalStateException("benchmark run failed: " + r.failure());
            }
        }
    }
}
