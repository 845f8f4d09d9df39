package dev.anchorsweep.bench;

import dev.anchorsweep.property.Condition;
import dev.anchorsweep.property.Goal;
import dev.anchorsweep.property.ReactiveRule;
import dev.anchorsweep.run.Engine;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.train.TrainedRun;
import dev.anchorsweep.train.Trainer;
import dev.anchorsweep.train.TrainerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Milliseconds of wall time per model-step of the real trainer of an engine: packs of P runs (seeds 0..P−1 of a
 * template run) trained for a fixed number of steps, on one thread or on several threads at once (one pack each),
 * median of several repetitions after a warm-up.
 */
public final class TrainingBenchmark {

    /** One measurement: median and all repetitions, in ms of wall time per model-step. */
    public record Result(String name, Engine engine, int packSize, int threads, double medianMs, double[] repetitionsMs) {
        public double runSeconds(int steps) {
            return medianMs * steps / 1000;
        }
    }

    static final long WARM_UP_NANOS = 3_000_000_000L;

    private final int steps;
    private final int repetitions;

    public TrainingBenchmark(int steps, int repetitions) {
        this.steps = steps;
        this.repetitions = repetitions;
    }

    /** @param engine FUSED or SAMEDIFF: every run of the packs is trained by it */
    public Result measure(String name, RunSpec template, Engine engine, int packSize, int threads) throws Exception {
        List<List<RunSpec>> packs = new ArrayList<>();
        RunSpec asked = template.withEngine(engine);
        for (int t = 0; t < threads; t++) {
            List<RunSpec> pack = new ArrayList<>();
            for (int p = 0; p < packSize; p++) pack.add(asked.shortened(steps, t * packSize + p));
            packs.add(pack);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Trainer trainer = TrainerFactory.of(engine);
            // warm-up: JIT, native libraries, workspaces; at least 3 s, as a fused pack of 1 takes a fraction of the
            // time the JIT needs to compile it
            long warmUpStart = System.nanoTime();
            do runAll(pool, packs, trainer); while (System.nanoTime() - warmUpStart < WARM_UP_NANOS);
            double[] ms = new double[repetitions];
            for (int r = 0; r < repetitions; r++) {
                long start = System.nanoTime();
                runAll(pool, packs, trainer);
                ms[r] = (System.nanoTime() - start) / 1e6 / ((double) steps * packSize * threads);
            }
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            return new Result(name, engine, packSize, threads, median, ms);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code template} with two reactive rules for a benchmark of {@code steps} steps: its first regularizer's weight
     * moves to 0.2 once validation recon is below 10 (true at the first check, so a move is in progress from there to
     * the end), and lr halves when the training recon has stalled over one validation interval (checked at every
     * validation).
     */
    public static RunSpec withReactiveRules(RunSpec template, int steps) {
        List<ReactiveRule> rules = List.of(
                new ReactiveRule("weight-up", template.regularizers().get(0).name(),
                        new Condition.Below("validation.recon", 10), new Goal.Target(0.2), steps, true),
                new ReactiveRule("lr-down", "lr", new Condition.Stalled("loss.recon",
                        template.training().validateEvery(), 0.01), new Goal.Factor(0.5), 50, false));
        return new RunSpec(template.seed(), template.architecture(), template.training(), template.concepts(),
                template.regularizers(), template.interventions(), template.evaluation(), rules);
    }

    /**
     * Two templates on one thread, packs of {@code packSize}, measured in alternation (A, B, A, B, … after warming up
     * both), so that a machine busy with other work slows both alike; {@code [A, B]}.
     */
    public Result[] measureAlternating(String name, RunSpec a, RunSpec b, Engine engine, int packSize) throws Exception {
        List<List<RunSpec>> packsA = List.of(pack(a.withEngine(engine), packSize));
        List<List<RunSpec>> packsB = List.of(pack(b.withEngine(engine), packSize));
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Trainer trainer = TrainerFactory.of(engine);
            long warmUpStart = System.nanoTime();
            do {
                runAll(pool, packsA, trainer);
                runAll(pool, packsB, trainer);
            } while (System.nanoTime() - warmUpStart < 2 * WARM_UP_NANOS);
            double[] msA = new double[repetitions];
            double[] msB = new double[repetitions];
            double modelSteps = (double) steps * packSize;
            for (int r = 0; r < repetitions; r++) {
                long start = System.nanoTime();
                runAll(pool, packsA, trainer);
                long middle = System.nanoTime();
                runAll(pool, packsB, trainer);
                msA[r] = (middle - start) / 1e6 / modelSteps;
                msB[r] = (System.nanoTime() - middle) / 1e6 / modelSteps;
            }
            return new Result[] {new Result(name, engine, packSize, 1, median(msA), msA),
                    new Result(name, engine, packSize, 1, median(msB), msB)};
        } finally {
            pool.shutdownNow();
        }
    }

    private List<RunSpec> pack(RunSpec run, int packSize) {
        List<RunSpec> pack = new ArrayList<>();
        for (int p = 0; p < packSize; p++) pack.add(run.shortened(steps, p));
        return pack;
    }

    private static double median(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void runAll(ExecutorService pool, List<List<RunSpec>> packs, Trainer trainer) throws Exception {
        List<Future<List<TrainedRun>>> futures = new ArrayList<>();
        for (List<RunSpec> pack : packs) futures.add(pool.submit(() -> trainer.train(pack)));
        for (Future<List<TrainedRun>> f : futures) {
            for (TrainedRun r : f.get()) {
                if (!r.ok()) throw new IllegalStateException("benchmark run failed: " + r.failure());
            }
        }
    }
}
