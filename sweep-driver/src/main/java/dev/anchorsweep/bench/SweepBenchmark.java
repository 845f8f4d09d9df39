package dev.anchorsweep.bench;

import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A whole sweep from a cold start, as a user runs it: {@code deploy/sweep run CONFIG --out DIR} in a child process,
 * measuring its wall time, CPU time and peak resident memory (from /proc), then the scheduling overhead: wall time
 * over the sum of the packs' training times divided by the cores; the fixed cost per run (what a run costs around its
 * training); the cold start (launch to the first pack's start) and the end (the last run's finish to exit).
 */
public final class SweepBenchmark {

    /**
     * @param trainSeconds Σ of the packs' training times (the runs' train_seconds)
     * @param taskSeconds  Σ of the packs' task times: training, then evaluating and committing every run (from the
     *                     pack's first started_at to its last finished_at)
     */
    public record Result(double wallSeconds, double cpuSeconds, long peakRssBytes, int runs, double trainSeconds,
                         double taskSeconds, int cores, int exitCode, double startSeconds, double endSeconds) {
        /** Wall ms per run beyond the training spread over the cores: (wall − Σ training / cores) / runs. */
        public double fixedWallMsPerRun() {
            return (wallSeconds - trainSeconds / cores) * 1000 / runs;
        }

        /** CPU ms per run beyond its training: (CPU − Σ training) / runs. */
        public double fixedCpuMsPerRun() {
            return (cpuSeconds - trainSeconds) * 1000 / runs;
        }

        /** Wall time over the ideal: the packs' training time spread evenly over the cores. */
        public double overheadRatio() {
            return wallSeconds / (trainSeconds / cores);
        }

        /** Wall time over the packs' whole task time spread evenly over the cores: start-up, idle cores, the end. */
        public double taskOverheadRatio() {
            return wallSeconds / (taskSeconds / cores);
        }
    }

    public Result run(java.nio.file.Path launcher, java.nio.file.Path config, java.nio.file.Path out)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "run", config.toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile());
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        Process p = pb.start();
        long peak = 0;
        double cpu = 0;
        long ticks = 100; // USER_HZ on Linux
        java.nio.file.Path proc = java.nio.file.Path.of("/proc", Long.toString(p.pid()));
        while (p.isAlive()) {
            try {
                for (String line : Files.readAllLines(proc.resolve("status"))) {
                    if (line.startsWith("VmHWM:")) peak = Math.max(peak, kib(line) * 1024);
                }
                String[] stat = Files.readString(proc.resolve("stat")).split("\\) ")[1].split(" ");
                cpu = (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / (double) ticks;
            } catch (IOException | RuntimeException e) {
                // the process is exiting
            }
            Thread.sleep(200);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long endMillis = System.currentTimeMillis();
        int code = p.waitFor();
        double train = 0;
        int runs = 0;
        Map<String, long[]> packSpans = new HashMap<>(); // pack_id → {first started_at, last finished_at} in ms
        Configuration conf = new Configuration();
        try (Stream<java.nio.file.Path> files = Files.walk(out.resolve("runs"))) {
            // committed pack files (part-<commit>.parquet; temporaries start with _ or .)
            for (java.nio.file.Path f : files.filter(f -> f.getFileName().toString().startsWith("part-")
                    && f.getFileName().toString().endsWith(".parquet")).toList()) {
                try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                        HadoopInputFile.fromPath(new Path(f.toUri()), conf)).build()) {
                  for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                    train += (Double) r.get("train_seconds");
                    runs++;
                    long[] span = packSpans.computeIfAbsent(r.get("pack_id").toString(),
                            k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                    span[0] = Math.min(span[0], (Long) r.get("started_at"));
                    span[1] = Math.max(span[1], (Long) r.get("finished_at"));
                  }
                }
            }
        }
        double tasks = packSpans.values().stream().mapToDouble(span -> (span[1] - span[0]) / 1000.0).sum();
        long firstStart = packSpans.values().stream().mapToLong(span -> span[0]).min().orElse(startMillis);
        long lastFinish = packSpans.values().stream().mapToLong(span -> span[1]).max().orElse(endMillis);
        return new Result(wall, cpu, peak, runs, train, tasks, Runtime.getRuntime().availableProcessors(), code,
                (firstStart - startMillis) / 1000.0, (endMillis - lastFinish) / 1000.0);
    }

    /**
     * A copy of the sweep file {@code config} in {@code dir} with {@code seeds} as its seed axis and {@code name} as
     * its name (its relative includes made absolute): the same sweep with another number of runs.
     */
    public static java.nio.file.Path withSeeds(java.nio.file.Path config, String name, String seeds,
                                               java.nio.file.Path dir) throws IOException {
        java.nio.file.Path base = config.toAbsolutePath().getParent();
        String text = Files.readString(config);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("include \"([^\"/][^\"]*)\"").matcher(text);
        StringBuilder absolute = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(absolute, java.util.regex.Matcher.quoteReplacement(
                    "include \"" + base.resolve(m.group(1)).normalize() + "\""));
        }
        m.appendTail(absolute);
        java.nio.file.Path copy = dir.resolve(name + ".conf");
        Files.writeString(copy, absolute + "\nsweep.name = " + name + "\ngrid.seeds = \"" + seeds + "\"\n");
        return copy;
    }

    private static long kib(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    public static List<String> describe(Result r) {
        return List.of(
                String.format("runs committed          %d (exit code %d)", r.runs(), r.exitCode()),
                String.format("wall time               %.1f s", r.wallSeconds()),
                String.format("CPU time                %.1f s (%.2f cores busy on average)", r.cpuSeconds(),
                        r.cpuSeconds() / r.wallSeconds()),
                String.format("peak memory (RSS)       %.2f GB", r.peakRssBytes() / 1e9),
                String.format("Σ pack training time    %.1f s (Σ runs' train_seconds)", r.trainSeconds()),
                String.format("overhead ratio          %.3f = wall / (Σ training / %d cores)", r.overheadRatio(),
                        r.cores()),
                String.format("Σ pack task time        %.1f s (training, evaluating and committing: Σ over packs of "
                        + "first started_at to last finished_at)", r.taskSeconds()),
                String.format("  ratio on task time    %.3f = wall / (Σ task time / %d cores): start-up, idle cores, the "
                        + "end of the sweep", r.taskOverheadRatio(), r.cores()),
                String.format("fixed cost per run      %.1f ms wall = (wall − Σ training / %d cores) / runs; %.1f ms CPU = "
                        + "(CPU − Σ training) / runs (Σ training is the tasks' wall time: too high on a busy machine)",
                        r.fixedWallMsPerRun(), r.cores(), r.fixedCpuMsPerRun()),
                String.format("cold start, end         %.1f s from launch to the first pack's start; %.1f s from the "
                        + "last run's commit to exit", r.startSeconds(), r.endSeconds()));
    }
}
