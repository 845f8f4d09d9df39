package dev.anchorsweep.cli;

import com.typesafe.config.ConfigFactory;
import dev.anchorsweep.bench.SweepBenchmark;
import dev.anchorsweep.bench.TrainingBenchmark;
import dev.anchorsweep.config.RunConfigParser;
import dev.anchorsweep.run.RunSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The performance figures in one run: ms per model-step of packed training (isolated and anchored architectures, pack
 * sizes on one core, and two packs on two cores at once), then a whole sweep from a cold start.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark packed training (ms per model-step, median after warm-up) and a whole sweep "
                + "(wall, CPU, peak memory, scheduling overhead).")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--steps", description = "training steps per measurement (default ${DEFAULT-VALUE})")
    int steps = 300;

    @Option(names = "--reps", description = "repetitions after a warm-up; the median is reported (default ${DEFAULT-VALUE})")
    int reps = 3;

    @Option(names = "--sizes", split = ",", description = "pack sizes on one core (default ${DEFAULT-VALUE})")
    List<Integer> sizes = List.of(1, 8, 32, 64);

    @Option(names = "--parallel-size", description = "pack size for the one-pack-per-core measurement (default ${DEFAULT-VALUE})")
    int parallelSize = 64;

    @Option(names = "--sweep", description = "sweep to run end to end (default ${DEFAULT-VALUE})")
    Path sweep = Path.of("configs/paper/all.conf");

    @Option(names = "--skip-sweep", description = "only the training micro-benchmark")
    boolean skipSweep;

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("anchorsweep.home", "."));
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("anchor-sweep bench: %d cores, %d steps per measurement, median of %d after a warm-up%n%n",
                cores, steps, reps);
        System.out.println("architecture  pack size  packs at once  ms per model-step (wall)  s per 1501-step run  repetitions");
        TrainingBenchmark bench = new TrainingBenchmark(steps, reps);
        for (String[] arch : List.of(new String[] {"isolated", "ex-2.9.1"}, new String[] {"anchored", "ex-2.4.1"})) {
            RunSpec template = template(home.resolve("configs/paper/runs/" + arch[1] + ".conf"));
            for (int size : sizes) print(arch[0], bench.measure(arch[0], template, size, 1));
            print(arch[0], bench.measure(arch[0], template, parallelSize, cores));
        }
        if (skipSweep) return 0;
        Path config = sweep.isAbsolute() ? sweep : home.resolve(sweep);
        Path out = Files.createTempDirectory("anchor-sweep-bench").resolve("results");
        System.out.printf("%nwhole sweep from a cold start: deploy/sweep run %s --out %s%n", sweep, out);
        SweepBenchmark.Result r = new SweepBenchmark().run(home.resolve("deploy/sweep"), config, out);
        SweepBenchmark.describe(r).forEach(line -> System.out.println("  " + line));
        return r.exitCode();
    }

    private static RunSpec template(Path file) {
        return new RunConfigParser(file.getParent())
                .parse(ConfigFactory.parseFile(file.toFile()).resolve().root(), "run");
    }

    private void print(String arch, TrainingBenchmark.Result r) {
        System.out.printf("%-12s  %9d  %13d  %24.4f  %19.2f  %s%n", arch, r.packSize(), r.threads(), r.medianMs(),
                r.runSeconds(1501), Arrays.stream(r.repetitionsMs()).mapToObj(v -> String.format("%.4f", v)).toList());
    }
}
