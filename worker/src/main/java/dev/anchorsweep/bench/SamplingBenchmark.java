package dev.anchorsweep.bench;

import dev.anchorsweep.data.ColorMeasure;
import dev.anchorsweep.data.ColorSpec;
import dev.anchorsweep.data.CurriculumFactor;
import dev.anchorsweep.data.DataSampler;
import dev.anchorsweep.data.LossWeighting;
import dev.anchorsweep.data.SamplingWeight;
import dev.anchorsweep.data.TrainingData;
import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.regularizer.Planarity;
import dev.anchorsweep.regularizer.Unitarity;
import dev.anchorsweep.run.Engine;
import dev.anchorsweep.run.EvaluationSpec;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;
import dev.anchorsweep.schedule.Interpolation;
import dev.anchorsweep.schedule.Keyframe;
import dev.anchorsweep.schedule.KeyframeSchedule;

import dev.anchorsweep.train.TrainedRun;
import dev.anchorsweep.train.Trainer;
import dev.anchorsweep.train.TrainerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What weighted curriculum batches cost a fused pack: the same ex-1.6-like runs (K = 4, no bottleneck, sigmoid,
 * batch 32, planarity and unitarity) trained on ex-1.6's weighted batches (the 3,600-colour HSV cube ∝ bias ×
 * levels(vibrancy) × levels(focus)) with both data properties moving every step (the worst case: the weights change
 * before every batch), against uniform batches of the same cube (what drawing by weight costs) and of the RGB grid (the
 * paper's data); then with the losses also weighted per sample; and the sampler alone.
 */
public final class SamplingBenchmark {

    /**
     * ms of CPU time per pack step (P model-steps) of each (medians), the medians of the ratios of the pairs measured
     * in alternation (weighted against the same cube drawn uniformly, against the grid, and with weighted losses against
     * the grid), and µs per model-step of the sampler alone: uniform, weighted with the data properties moving every
     * step, and weighted with them held still off the reference grid.
     */
    public record Result(int packSize, double uniformMs, double cubeMs, double weightedMs, double ratio,
                         double gridRatio, double lossWeightedMs, double lossWeightedRatio, double uniformSamplerUs,
                         double weightedSamplerUs, double heldSamplerUs) {

        /** µs per model-step of a pack step on uniform batches of the RGB grid. */
        public double uniformUs() {
            return uniformMs * 1000 / packSize;
        }

        /** µs per model-step of a pack step on uniform batches of the HSV cube. */
        public double cubeUs() {
            return cubeMs * 1000 / packSize;
        }

        /** µs per model-step of a pack step on weighted batches of the cube. */
        public double weightedUs() {
            return weightedMs * 1000 / packSize;
        }

        /** µs per model-step of a pack step on weighted batches whose losses are also weighted per sample (1.6). */
        public double lossWeightedUs() {
            return lossWeightedMs * 1000 / packSize;
        }
    }

    /** The batches a benchmark pack trains on. */
    public enum Batches {
        /** Uniform from the RGB grid (the paper's data). */
        GRID,
        /** Uniform from ex-1.6's HSV cube. */
        CUBE,
        /** ex-1.6's curriculum: the cube ∝ bias × both levels, the data properties moving every step. */
        WEIGHTED
    }

    /** ex-1.6's colours. */
    private static final ColorSpec CUBE = new ColorSpec.HsvCube(36, 10, 10);

    private final int steps;
    private final int repetitions;

    public SamplingBenchmark(int steps, int repetitions) {
        this.steps = steps;
        this.repetitions = repetitions;
    }

    /** The ex-1.6-like run on the grid ({@code weighted} false) or on ex-1.6's curriculum batches, losses weighted. */
    public static RunSpec template(boolean weighted, int steps) {
        return template(weighted ? Batches.WEIGHTED : Batches.GRID, LossWeighting.SAMPLING, steps);
    }

    /**
     * The ex-1.6-like run on {@code batches} with the given loss weighting (NONE isolates what drawing the batches
     * costs; it applies to the cube's batches).
     */
    public static RunSpec template(Batches batches, LossWeighting lossWeighting, int steps) {
        TrainingData data = switch (batches) {
            case GRID -> TrainingData.DEFAULT;
            case CUBE -> new TrainingData(CUBE, SamplingWeight.UNIFORM, List.of(), lossWeighting, Map.of(), List.of());
            case WEIGHTED -> {
                // linear from 0 to 1 over the run: a new value at every step
                KeyframeSchedule moving = KeyframeSchedule.of(Interpolation.LINEAR,
                        List.of(new Keyframe(0, 0), new Keyframe(Math.max(1, steps), 1)));
                yield new TrainingData(CUBE, SamplingWeight.BIAS,
                        List.of(new CurriculumFactor(ColorMeasure.VIBRANCY, "data-vibrancies"),
                                new CurriculumFactor(ColorMeasure.PRIMARY_SECONDARY_FOCUS, "data-hues")),
                        lossWeighting, Map.of("data-hues", moving, "data-vibrancies", moving), List.of());
            }
        };
        TrainingSpec training = new TrainingSpec(steps, 32, 8, KeyframeSchedule.constant(0.01), 1000, 10,
                List.of(steps), Engine.FUSED, data, TrainingSpec.RECON_WEIGHT, List.of());
        List<RegularizerSpec> regs = List.of(
                new RegularizerSpec("planar", new Planarity(), null, KeyframeSchedule.constant(0.1)),
                new RegularizerSpec("norm", new Unitarity(), null, KeyframeSchedule.constant(0.25)));
        return new RunSpec(0, new Architecture(4, 16, 1, false, true), training, List.of(), regs, List.of(),
                new EvaluationSpec(List.of("named"), null, List.of(), new EvaluationSpec.Selection(null, List.of("recon"))));
    }

    /**
     * Weighted draws against uniform draws of the same cube and against the grid's (losses not weighted: what drawing
     * costs), each pair measured in alternation in CPU time (so that a machine busy with other work slows both alike);
     * then the grid against weighted draws with per-sample loss weighting (1.6); then the samplers alone.
     */
    public Result measure(int packSize) throws Exception {
        RunSpec grid = template(Batches.GRID, LossWeighting.NONE, steps);
        RunSpec weighted = template(Batches.WEIGHTED, LossWeighting.NONE, steps);
        double[][] sameColours = alternating(template(Batches.CUBE, LossWeighting.NONE, steps), weighted, packSize);
        double[][] draws = alternating(grid, weighted, packSize);
        double[][] weightedLosses = alternating(grid, template(Batches.WEIGHTED, LossWeighting.SAMPLING, steps),
                packSize);
        return new Result(packSize, median(draws[0]) * packSize, median(sameColours[0]) * packSize,
                median(draws[1]) * packSize, medianRatio(sameColours), medianRatio(draws),
                median(weightedLosses[1]) * packSize, medianRatio(weightedLosses),
                samplerMicros(template(false, steps), packSize, false),
                samplerMicros(template(true, steps), packSize, false), samplerMicros(template(true, steps), packSize, true));
    }

    /**
     * Pairs measured per comparison: at least 31 (a pair takes a fraction of a second; with 15 the medians of three
     * runs in one hour spread from 1.031 to 1.047 on the shared machine).
     */
    public int pairs() {
        return Math.max(31, repetitions);
    }

    /**
     * Packs of {@code a} and {@code b} trained by the fused engine on this thread in alternation (A, B, A, B, …) after
     * a warm-up of both: per pair, ms of this thread's CPU time per model-step of each. CPU time, not wall time: the
     * bench shares its machine, and a pack descheduled for another process's time slice would count that slice;
     * what the other processes do to the caches still counts, for both alike.
     */
    private double[][] alternating(RunSpec a, RunSpec b, int packSize) {
        List<RunSpec> packA = new ArrayList<>(), packB = new ArrayList<>();
        for (int p = 0; p < packSize; p++) {
            packA.add(a.shortened(steps, p));
            packB.add(b.shortened(steps, p));
        }
        Trainer trainer = TrainerFactory.of(Engine.FUSED);
        long warmUpStart = System.nanoTime();
        do {
            train(trainer, packA);
            train(trainer, packB);
        } while (System.nanoTime() - warmUpStart < 2 * TrainingBenchmark.WARM_UP_NANOS);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double modelSteps = (double) steps * packSize;
        double[][] ms = new double[2][pairs()];
        for (int r = 0; r < pairs(); r++) {
            long start = threads.getCurrentThreadCpuTime();
            train(trainer, packA);
            long middle = threads.getCurrentThreadCpuTime();
            train(trainer, packB);
            ms[0][r] = (middle - start) / 1e6 / modelSteps;
            ms[1][r] = (threads.getCurrentThreadCpuTime() - middle) / 1e6 / modelSteps;
        }
        return ms;
    }

    private static void train(Trainer trainer, List<RunSpec> pack) {
        for (TrainedRun r : trainer.train(pack)) {
            if (!r.ok()) throw new IllegalStateException("benchmark run failed: " + r.failure());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The median of the pairs' ratios B/A. */
    private static double medianRatio(double[][] pairs) {
        double[] ratios = new double[pairs[0].length];
        for (int r = 0; r < ratios.length; r++) ratios[r] = pairs[1][r] / pairs[0][r];
        return median(ratios);
    }

    /**
     * µs per model-step of {@link DataSampler#next} alone for a pack's runs, one after the other as the fused engine
     * trains them (median of the repetitions; building the samplers, once per run, is not counted); the thread's CPU
     * time, so that a machine busy with other work slows it less.
     *
     * @param held the data properties held at 0.37 instead of their schedules
     */
    private double samplerMicros(RunSpec template, int packSize, boolean held) {
        double[][] values = new double[steps][];
        TrainingData data = template.training().data();
        for (int t = 0; t < steps; t++) {
            int step = t;
            values[t] = data.properties().values().stream().mapToDouble(s -> held ? 0.37 : s.valueAt(step)).toArray();
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] us = new double[repetitions];
        long sink = 0;
        long warmUpStart = System.nanoTime();
        for (int r = -1; r < us.length; r++) { // r = −1: the warm-up, at least a second (until C2 has compiled the path)
            DataSampler[] samplers = new DataSampler[packSize];
            for (int p = 0; p < packSize; p++) samplers[p] = new DataSampler(template.withSeed(p));
            long start = threads.getCurrentThreadCpuTime();
            for (int p = 0; p < packSize; p++) {
                for (int t = 0; t < steps; t++) sink += samplers[p].next(t, values[t]).size();
            }
            if (r < 0 && System.nanoTime() - warmUpStart < TrainingBenchmark.WARM_UP_NANOS / 3) r--;
            else if (r >= 0) us[r] = (threads.getCurrentThreadCpuTime() - start) / 1e3 / ((double) steps * packSize);
        }
        if (sink == 42) System.out.print("");
        double[] measured = us.clone();
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
