package dev.anchorsweep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a user waits for after a sweep, as a user runs it: a one-off {@code deploy/sweep sql} count over the results
 * and {@code deploy/sweep report} of them, each in a child process. One untimed use of each first (it writes the
 * command's class-data archive, once per build), then the two alternating, {@code reps} times each: wall time and
 * CPU time (the child's user + system time, from this process's reaped-children times in /proc/self/stat).
 */
public final class QueryBenchmark {

    /** The one-off query timed. */
    public static final String QUERY = "SELECT count(*) FROM runs";
    /** Targets, in seconds of wall time (issue 12). */
    public static final double SQL_TARGET = 5, REPORT_TARGET = 20;

    /** The repetitions of one command: wall and CPU seconds of each, and the worst exit code. */
    public record Timing(double[] wallSeconds, double[] cpuSeconds, int exitCode) {

        public double medianWall() {
            return median(wallSeconds);
        }

        public double medianCpu() {
            return median(cpuSeconds);
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    public record Result(Timing sql, Timing report) {
    }

    /**
     * @param launcher {@code deploy/sweep}
     * @param results  a results folder (read only: the reports go to temporary folders)
     */
    public Result run(Path launcher, Path results, int reps) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("anchor-sweep-bench-queries");
        try {
            List<String> sql = List.of(launcher.toString(), "sql", results.toString(), QUERY);
            int warm = (int) time(sql, scratch)[2];
            int warmReport = (int) time(report(launcher, results, scratch, "warm"), scratch)[2];
            double[][] sqlTimes = new double[3][reps], reportTimes = new double[3][reps];
            for (int i = 0; i < reps; i++) {
                double[] s = time(sql, scratch), r = time(report(launcher, results, scratch, "rep" + i), scratch);
                for (int k = 0; k < 3; k++) {
                    sqlTimes[k][i] = s[k];
                    reportTimes[k][i] = r[k];
                }
            }
            return new Result(timing(sqlTimes, warm), timing(reportTimes, warmReport));
        } finally {
            delete(scratch);
        }
    }

    /** The lines printed by {@code bench}: one per command, with its target. */
    public static List<String> describe(Result r, Path results) {
        return List.of(
                line("one-off sql \"" + QUERY + "\"", r.sql(), SQL_TARGET),
                line("report (deploy/sweep report " + results + ")", r.report(), REPORT_TARGET));
    }

    private static String line(String what, Timing t, double target) {
        List<String> walls = new ArrayList<>();
        for (double w : t.wallSeconds()) walls.add(String.format(Locale.ROOT, "%.1f", w));
        return String.format(Locale.ROOT, "%-60s %5.1f s wall (median of %s s), %5.1f s CPU; target ≤ %.0f s: %s%s",
                what, t.medianWall(), String.join(", ", walls), t.medianCpu(), target,
                t.medianWall() <= target ? "met" : "not met", t.exitCode() == 0 ? "" : " (exit code " + t.exitCode() + ")");
    }

    private static List<String> report(Path launcher, Path results, Path scratch, String name) {
        return List.of(launcher.toString(), "report", results.toString(), "--out", scratch.resolve(name).toString());
    }

    private static Timing timing(double[][] times, int warmExit) {
        int exit = warmExit;
        for (double code : times[2]) exit = Math.max(exit, (int) code);
        return new Timing(times[0], times[1], exit);
    }

    /** Runs the command to its end: {wall seconds, CPU seconds, exit code}; its output goes to a log in scratch. */
    private static double[] time(List<String> command, Path scratch) throws IOException, InterruptedException {
        double cpuBefore = childrenCpuSeconds();
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(scratch.resolve("commands.log").toFile())).start();
        int code = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        return new double[] {wall, childrenCpuSeconds() - cpuBefore, code};
    }

    /** User + system time of this process's reaped children (cutime + cstime of /proc/self/stat), in seconds. */
    static double childrenCpuSeconds() throws IOException {
        String[] stat = Files.readString(Path.of("/proc/self/stat")).split("\\) ")[1].split(" ");
        return (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) / 100.0; // USER_HZ
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
