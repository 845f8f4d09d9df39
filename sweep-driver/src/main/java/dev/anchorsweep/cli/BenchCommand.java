package dev.anchorsweep.cli;

import com.typesafe.config.ConfigFactory;
import dev.anchorsweep.bench.QueryBenchmark;
import dev.anchorsweep.bench.SweepBenchmark;
import dev.anchorsweep.bench.TrainingBenchmark;
import dev.anchorsweep.config.RunConfigParser;
import dev.anchorsweep.run.Engine;
import dev.anchorsweep.run.RunSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The performance figures in one run: ms per model-step of packed training with each engine side by side (isolated and
 * anchored architectures, pack sizes on one core, and one pack per core at once), then a whole sweep from a cold start;
 * on request the fixed cost per run (a 1,000-run, 30-step sweep, where training is a small part) and how a sweep's cost
 * grows with its runs (300, 1,000, 3,000); after the sweep, what a user waits for: a one-off sql count and the report
 * over its results.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark packed training with each engine (ms per model-step, median after warm-up) and a "
                + "whole sweep (wall, CPU, peak memory, scheduling overhead), then report and a one-off sql over its "
                + "results (wall and CPU, median in child processes).")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--steps", description = "training steps per measurement (default ${DEFAULT-VALUE})")
    int steps = 300;

    @Option(names = "--reps", description = "repetitions after a warm-up; the median is reported (default ${DEFAULT-VALUE})")
    int reps = 3;

    @Option(names = "--sizes", split = ",", description = "pack sizes on one core (default ${DEFAULT-VALUE})")
    List<Integer> sizes = List.of(1, 8, 32, 64);

    @Option(names = "--parallel-size", description = "pack size for the one-pack-per-core measurement (default ${DEFAULT-VALUE})")
    int parallelSize = 64;

    @Option(names = "--engines", split = ",", description = "engines to compare (samediff, fused); the ratio is the first's "
            + "time over the last's (default ${DEFAULT-VALUE})")
    List<String> engineNames = List.of("samediff", "fused");

    private List<Engine> engines;

    @Option(names = "--sweep", description = "sweep to run end to end (default ${DEFAULT-VALUE})")
    Path sweep = Path.of("configs/paper/all.conf");

    @Option(names = "--skip-sweep", description = "only the training micro-benchmark")
    boolean skipSweep;

    @Option(names = "--skip-training", description = "only the sweeps, without the training micro-benchmark")
    boolean skipTraining;

    @Option(names = "--fixed-cost", description = "also the fixed cost per run: FIXED_COST_CONFIG end to end "
            + "(1,000 runs × 30 steps: wall, (wall − training) / runs)")
    boolean fixedCost;

    @Option(names = "--linearity", description = "also the same sweep at 300, 1,000 and 3,000 runs (about 2 minutes "
            + "when quiet): the cost of a sweep grows linearly in its runs")
    boolean linearity;

    @Option(names = "--skip-queries", description = "without timing report and sql over the sweep's results")
    boolean skipQueries;

    @Option(names = "--queries-results", paramLabel = "DIR", description = "time report and sql over the results in "
            + "DIR (e.g. of an earlier bench's sweep, with --skip-training --skip-sweep) instead of this bench's sweep's")
    Path queriesResults;

    @Option(names = "--fixed-cost-config", description = "the sweep of --fixed-cost and --linearity (default ${DEFAULT-VALUE})")
    Path fixedCostConfig = Path.of("configs/bench/fixed-cost.conf");

    @Override
    public Integer call() throws Exception {
        for (String e : engineNames) {
            if (!List.of("samediff", "fused").contains(e)) {
                System.err.println("--engines takes samediff and fused, but got '" + e + "'");
                return 2;
            }
        }
        engines = engineNames.stream().map(Engine::fromConfigName).toList();
        Path home = Path.of(System.getProperty("anchorsweep.home", "."));
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("anchor-sweep bench: %d cores, %d steps per measurement, median of %d after a warm-up%n%n",
                cores, steps, reps);
        if (!skipTraining) {
            System.out.printf("%-10s %5s %6s", "arch", "pack", "cores");
            for (Engine e : engines) System.out.printf("  %16s", e.configName() + " ms");
            if (engines.size() > 1) System.out.printf("  %9s", "ratio");
            System.out.printf("  %s%n", "s per 1501-step run, repetitions (ms per model-step)");
        }
        TrainingBenchmark bench = new TrainingBenchmark(steps, reps);
        for (String[] arch : skipTraining ? new String[0][] : new String[][] {{"isolated", "ex-2.9.1"}, {"anchored", "ex-2.4.1"}}) {
            RunSpec template = template(home.resolve("configs/paper/runs/" + arch[1] + ".conf"));
            for (int size : sizes) compare(bench, arch[0], template, size, 1);
            compare(bench, arch[0], template, parallelSize, cores);
        }
        if (!skipTraining) reactive(bench, template(home.resolve("configs/paper/runs/ex-2.9.1.conf")));
        if (!skipTraining) sampling();
        int exit = 0;
        Path sweepOut = null;
        if (!skipSweep) {
            sweepOut = Files.createTempDirectory("anchor-sweep-bench").resolve("results");
            SweepBenchmark.Result r = sweep(home, sweep, "whole sweep from a cold start", sweepOut);
            exit = Math.max(exit, r.exitCode());
            if (r.exitCode() != 0) sweepOut = null;
        }
        Path queried = queriesResults != null ? queriesResults.toAbsolutePath() : sweepOut;
        if (!skipQueries && queried != null) exit = Math.max(exit, queries(home, queried));
        Path fixed = fixedCostConfig.isAbsolute() ? fixedCostConfig : home.resolve(fixedCostConfig);
        if (fixedCost) exit = Math.max(exit, sweep(home, fixed, "fixed cost per run (1,000 runs × 30 steps)").exitCode());
        if (linearity) {
            Path dir = Files.createTempDirectory("anchor-sweep-bench-configs");
            List<String> lines = new java.util.ArrayList<>();
            for (int runs : new int[] {300, 1000, 3000}) {
                Path config = SweepBenchmark.withSeeds(fixed, "fixed-cost-" + runs, "0.." + (runs - 1), dir);
                SweepBenchmark.Result r = sweep(home, config, runs + " runs × 30 steps");
                exit = Math.max(exit, r.exitCode());
                lines.add(String.format("  %5d runs: %6.1f s wall, %6.1f s CPU, %5.1f ms wall per run, %5.1f ms CPU per run "
                                + "around training", r.runs(), r.wallSeconds(), r.cpuSeconds(), r.wallSeconds() * 1000 / r.runs(),
                        r.fixedCpuMsPerRun()));
            }
            System.out.printf("%nlinearity (cost of a sweep against its runs):%n");
            lines.forEach(System.out::println);
        }
        return exit;
    }

    /**
     * One line: P = 64 fused pack steps of ex-1.6's weighted curriculum batches against uniform batches of the same
     * colours (what drawing by weight costs: the asked figure) and of the RGB grid, then with weighted losses.
     */
    private void sampling() throws Exception {
        var bench = new dev.anchorsweep.bench.SamplingBenchmark(steps, reps);
        var r = bench.measure(64);
        System.out.printf("%nsampling (ex-1.6-like runs, fused, P = 64, one core, CPU time, %d pairs measured in"
                        + " alternation): weighted curriculum batches of the 3,600-colour cube (data properties moving"
                        + " every step) %.2f µs per model-step against uniform batches of the same cube %.2f µs: ratio"
                        + " (median of the pairs) %.3f, at most 1.05 asked; against the RGB grid's %.2f µs: %.3f; with"
                        + " the losses also weighted per sample (1.6) %.2f µs, %.3f against the grid; the sampler alone"
                        + " (CPU time) %.2f µs per model-step uniform, %.2f weighted moving, %.2f weighted held still%n",
                bench.pairs(), r.weightedUs(), r.cubeUs(), r.ratio(), r.uniformUs(), r.gridRatio(), r.lossWeightedUs(),
                r.lossWeightedRatio(), r.uniformSamplerUs(), r.weightedSamplerUs(), r.heldSamplerUs());
    }

    /**
     * Report and sql over a sweep's results, as a user waits for them after the sweep: one line each, the median of
     * {@code reps} runs in child processes after one untimed use.
     */
    private int queries(Path home, Path results) throws Exception {
        System.out.printf("%nafter the sweep (child processes, one untimed use of each first, median of %d):%n", reps);
        QueryBenchmark.Result r = new QueryBenchmark().run(home.resolve("deploy/sweep"), results, reps);
        QueryBenchmark.describe(r, results).forEach(line -> System.out.println("  " + line));
        return Math.max(r.sql().exitCode(), r.report().exitCode());
    }

    private static SweepBenchmark.Result sweep(Path home, Path sweepConfig, String title) throws Exception {
        return sweep(home, sweepConfig, title, Files.createTempDirectory("anchor-sweep-bench").resolve("results"));
    }

    private static SweepBenchmark.Result sweep(Path home, Path sweepConfig, String title, Path out) throws Exception {
        Path config = sweepConfig.isAbsolute() ? sweepConfig : home.resolve(sweepConfig);
        System.out.printf("%n%s: deploy/sweep run %s --out %s%n", title, sweepConfig, out);
        SweepBenchmark.Result r = new SweepBenchmark().run(home.resolve("deploy/sweep"), config, out);
        SweepBenchmark.describe(r).forEach(line -> System.out.println("  " + line));
        return r;
    }

    private static RunSpec template(Path file) {
        return new RunConfigParser(file.getParent())
                .parse(ConfigFactory.parseFile(file.toFile()).resolve().root(), "run");
    }

    /**
     * One line: the fused engine's ms per model-step with fixed schedules and with two reactive rules (P = 64), the
     * two measured in alternation.
     */
    private void reactive(TrainingBenchmark bench, RunSpec template) throws Exception {
        TrainingBenchmark.Result[] both = bench.measureAlternating("isolated", template,
                TrainingBenchmark.withReactiveRules(template, steps), Engine.FUSED, 64);
        TrainingBenchmark.Result fixed = both[0];
        TrainingBenchmark.Result reactive = both[1];
        double[] ratios = new double[reps];
        for (int r = 0; r < reps; r++) ratios[r] = reactive.repetitionsMs()[r] / fixed.repetitionsMs()[r];
        Arrays.sort(ratios);
        System.out.printf("%nreactive rules (isolated, fused, pack 64, 1 core, measured in alternation): fixed schedules "
                        + "%.4f ms, two rules %.4f ms per model-step; ratio (median of the pairs) %.3f, at most 1.05 asked"
                        + "  repetitions %s %s%n", fixed.medianMs(), reactive.medianMs(), ratios[reps / 2],
                Arrays.stream(fixed.repetitionsMs()).mapToObj(v -> String.format("%.4f", v)).toList(),
                Arrays.stream(reactive.repetitionsMs()).mapToObj(v -> String.format("%.4f", v)).toList());
    }

    /** One line: every engine on the same packs, and the first engine's time over the last's. */
    private void compare(TrainingBenchmark bench, String arch, RunSpec template, int size, int threads) throws Exception {
        List<TrainingBenchmark.Result> results = new java.util.ArrayList<>();
        for (Engine e : engines) results.add(bench.measure(arch, template, e, size, threads));
        System.out.printf("%-10s %5d %6d", arch, size, threads);
        for (TrainingBenchmark.Result r : results) System.out.printf("  %16.4f", r.medianMs());
        if (results.size() > 1) {
            System.out.printf("  %8.1fx", results.get(0).medianMs() / results.get(results.size() - 1).medianMs());
        }
        StringBuilder details = new StringBuilder();
        for (TrainingBenchmark.Result r : results) {
            details.append(String.format("  %s %.2f s %s", r.engine().configName(), r.runSeconds(1501),
                    Arrays.stream(r.repetitionsMs()).mapToObj(v -> String.format("%.4f", v)).toList()));
        }
        System.out.println(details);
    }
}
