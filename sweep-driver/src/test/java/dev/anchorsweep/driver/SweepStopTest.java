package dev.anchorsweep.driver;

import dev.anchorsweep.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A sweep stopped by SIGINT, SIGTERM or a full disk, as a user sees it: a real driver JVM, its exit code, its one last
 * line and no stack trace; then the same command resumes without retraining what was committed.
 */
class SweepStopTest {

    private static final Pattern INTERRUPTED =
            Pattern.compile("interrupted: (\\d+) of 8 runs committed; run the same command to resume");
    private static final Pattern SOME_DONE = Pattern.compile("] [1-9]\\d*/\\d+ runs done");

    @TempDir
    Path dir;

    /** Every driver JVM a test started: none outlives it, whatever failed. */
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void endProcesses() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Path config() throws IOException {
        Path config = dir.resolve("stop.conf");
        Files.writeString(config, """
                sweep.name = stop
                run {
                  model.latent-dim = 3
                  # SameDiff and 1,000 steps: several seconds a run, so the signal (sent once the progress line, printed
                  # every 5 s, shows a committed run) comes while packs still train
                  training { steps = 1000, validate-every = 500, engine = samediff }
                  interventions.ablate { type = ablation, dims = [0] }
                  evaluation { sets = [named], latents { set = rgb-grid } }
                }
                grid.seeds = "0..7"
                """);
        return config;
    }

    /** {@code deploy/sweep run …} in its own JVM with this test's class path and JVM flags; stderr to {@code log}. */
    private Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-") || flag.startsWith("-D") || flag.startsWith("-XX:+IgnoreUnrecognized")) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile())
                .redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Waits until the process's stderr shows that a run was committed. */
    private static void awaitARun(Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!SOME_DONE.matcher(Files.readString(log)).find()) {
            assertTrue(process.isAlive(), "the sweep ended before a run was committed:\n" + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "no run committed in 180 s:\n" + Files.readString(log));
            Thread.sleep(200);
        }
    }

    private static void signal(Process process, String name) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor());
    }

    /** The count N of the last line, after checking the exit code, the line and the absence of stack traces. */
    private static int stopped(Process process, Path log, int exitCode) throws Exception {
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the sweep must end soon after the signal");
        String err = Files.readString(log);
        assertEquals(exitCode, process.exitValue(), err);
        List<String> lines = err.strip().lines().toList();
        Matcher last = INTERRUPTED.matcher(lines.get(lines.size() - 1));
        assertTrue(last.matches(), "the last line:\n" + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("ERROR"), "no stack trace:\n" + err);
        assertEquals("", Files.readString(log.resolveSibling(log.getFileName() + ".out")), "no summary");
        return Integer.parseInt(last.group(1));
    }

    /** Whether SIGINT is ignored in this JVM (then its children ignore it too, as a background job's do). */
    private static boolean sigintIgnored() {
        Signal sigint = new Signal("INT");
        SignalHandler previous = Signal.handle(sigint, s -> { });
        Signal.handle(sigint, previous);
        return previous == SignalHandler.SIG_IGN;
    }

    @Test
    void aSignalStopsTheSweepWithOneLineAndTheSameCommandResumes() throws Exception {
        Path config = config();
        String[] args = {"run", config.toString(), "--out", dir.resolve("out").toString(), "--pack-size", "1",
                "--master", "local[1]"};

        // SIGINT (SIGTERM again where this JVM was started with SIGINT ignored)
        boolean sigint = !sigintIgnored();
        Path log1 = dir.resolve("first.log");
        Process first = start(log1, args);
        awaitARun(first, log1);
        signal(first, sigint ? "INT" : "TERM");
        int committed = stopped(first, log1, sigint ? 130 : 143);
        assertTrue(committed >= 1 && committed < 8, "runs committed: " + committed);

        // the same command resumes (it trains only the runs not committed yet); SIGTERM stops it again
        Path log2 = dir.resolve("second.log");
        Process second = start(log2, args);
        awaitARun(second, log2);
        assertTrue(Files.readString(log2).contains("\nsweep stop (version 1): 8 runs, " + committed + " already committed, "
                + (8 - committed) + " to train"), Files.readString(log2));
        signal(second, "TERM");
        int committedAgain = stopped(second, log2, 143);
        assertTrue(committedAgain > committed, committedAgain + " after " + committed);
    }

    @Test
    void aFullDiskStopsTheSweepWithOneLineNamingTheFolder() throws Exception {
        Path full = Files.createDirectories(dir.resolve("full"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=100k", "tmpfs", full.toString())
                .redirectErrorStream(true).start();
        String why = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(mount.waitFor() == 0, "skipped: a 100 KiB tmpfs cannot be mounted here (needs root): " + why);
        try {
            Path out = full.resolve("out");
            Path log = dir.resolve("full.log");
            Process sweep = start(log, "run", config().toString(), "--out", out.toString(), "--pack-size", "1",
                    "--master", "local[1]");
            assertTrue(sweep.waitFor(180, TimeUnit.SECONDS), "the sweep must stop when the disk is full");
            String err = Files.readString(log);
            assertEquals(DiskFull.EXIT_CODE, sweep.exitValue(), err);
            List<String> lines = err.strip().lines().toList();
            assertEquals("disk full while writing " + out + ": free space and run the same command to resume",
                    lines.get(lines.size() - 1), err);
            assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("ERROR"), err);
        } finally {
            new ProcessBuilder("umount", full.toString()).start().waitFor();
        }
    }

    @Test
    void aWriteToAFullDeviceIsRecognisedThroughItsCauses() {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.isWritable(devFull), "skipped: no /dev/full here");
        IOException enospc = assertThrows(IOException.class, () -> Files.write(devFull, new byte[1 << 16]));
        RuntimeException wrapped = new IllegalStateException("task failed",
                new UncheckedIOException("cannot commit run x", enospc));
        assertTrue(DiskFull.isCause(wrapped), enospc.toString());
        assertTrue(DiskFull.mentioned(enospc.toString()), "as a failed task reports it to the driver");
        assertFalse(DiskFull.isCause(new IllegalStateException("task failed", new IOException("Permission denied"))));
        assertEquals("/tmp/results/runs", DiskFull.folder(new IOException(
                "/tmp/results/runs/part-0.parquet (No space left on device)")).orElseThrow());
    }
}
