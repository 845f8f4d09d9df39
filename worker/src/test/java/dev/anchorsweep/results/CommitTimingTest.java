package dev.anchorsweep.results;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time per commit of a realistic run (150 history, 5,000 evaluation, 8,000 latent rows) after warm-up. Opt-in, as
 * timings are no pass/fail matter: add {@code -Dresults.timing=true} to the test command.
 */
@EnabledIfSystemProperty(named = "results.timing", matches = "true")
class CommitTimingTest {

    private static final int COMMITS = 50;

    @TempDir
    Path root;

    @Test
    void medianCommitTime() throws IOException {
        ResultStore store = new ResultStore(root.toUri().toString(), new Configuration());
        RunRows warmup = SampleRows.run("warmup", "run0", 150, 5000, 8000, 0);
        for (int i = 0; i < 100; i++) store.commitPack("warmup", "w" + i, List.of(warmup));
        List<RunRows> runs = new ArrayList<>();
        for (int i = 0; i < COMMITS; i++) runs.add(SampleRows.run("timing", "run" + i, 150, 5000, 8000, i));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (RunRows run : runs) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            store.commitPack("timing", run.runId(), List.of(run));
            wall.add((System.nanoTime() - start) / 1e6);
            cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
        }
        Collections.sort(wall);
        Collections.sort(cpu);
        System.out.printf("commit of 1 + 150 + 5000 + 8000 rows, %s, %d commits: wall median %.1f ms, p90 %.1f ms, min %.1f ms,"
                        + " max %.1f ms; CPU median %.1f ms; per run: evaluations %d KB, latents %d KB%n", TableFileWriter.CODEC, COMMITS,
                wall.get(COMMITS / 2), wall.get(COMMITS * 9 / 10), wall.get(0), wall.get(COMMITS - 1), cpu.get(COMMITS / 2),
                kilobytesPerRun("evaluations"), kilobytesPerRun("latents"));

        // a pack of PACK runs per commit, as a sweep commits: CPU time per run
        List<RunRows> pack = new ArrayList<>();
        for (int i = 0; i < PACK; i++) pack.add(SampleRows.run("packs", "run" + i, 150, 5000, 8000, i));
        List<Double> perRun = new ArrayList<>();
        for (int c = 0; c < 7; c++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            store.commitPack("packs", "p" + c, pack);
            perRun.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / PACK);
        }
        Collections.sort(perRun);
        System.out.printf("commit of packs of %d runs, 7 commits: CPU median %.1f ms per run%n", PACK, perRun.get(3));
    }

    private static final int PACK = 32;

    private long kilobytesPerRun(String table) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(table).resolve("sweep_id=timing"))) {
            return files.mapToLong(p -> p.toFile().length()).sum() / COMMITS / 1024;
        }
    }
}
