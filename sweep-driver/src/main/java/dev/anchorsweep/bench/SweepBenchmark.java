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
 * over the sum of the packs' training times divided by the cores.
 */
public final class SweepBenchmark {

    /**
     * @param trainSeconds Σ of the packs' training times (the runs' train_seconds)
     * @param taskSeconds  Σ of the packs' task times: training, then evaluating and committing every run (from the
     *                     pack's first started_at to its last finished_at)
     */
    public record Result(double wallSeconds, double cpuSeconds, long peakRssBytes, int runs, double trainSeconds,
                         double taskSeconds, int cores, int exitCode) {
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
        int code = p.waitFor();
        double train = 0;
        int runs = 0;
        Map<String, long[]> packSpans = new HashMap<>(); // pack_id → {first started_at, last finished_at} in ms
        Configuration conf = new Configuration();
        try (Stream<java.nio.file.Path> files = Files.walk(out.resolve("runs"))) {
            for (java.nio.file.Path f : files.filter(f -> f.getFileName().toString().startsWith("run-")).toList()) {
                try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                        HadoopInputFile.fromPath(new Path(f.toUri()), conf)).build()) {
                    GenericRecord r = reader.read();
                    train += (Double) r.get("train_seconds");
                    runs++;
                    long[] span = packSpans.computeIfAbsent(r.get("pack_id").toString(),
                            k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                    span[0] = Math.min(span[0], (Long) r.get("started_at"));
                    span[1] = Math.max(span[1], (Long) r.get("finished_at"));
                }
            }
        }
        double tasks = packSpans.values().stream().mapToDouble(span -> (span[1] - span[0]) / 1000.0).sum();
        return new Result(wall, cpu, peak, runs, train, tasks, Runtime.getRuntime().availableProcessors(), code);
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
                        + "end of the sweep", r.taskOverheadRatio(), r.cores()));
    }
}
