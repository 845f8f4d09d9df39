package dev.anchorsweep.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Spark standalone master and workers on this machine, started and stopped through the project's own scripts
 * ({@code deploy/standalone/start} and {@code stop}), so that the tests exercise them. Knows the daemons' pids (the
 * scripts' pid file), the workers' work dirs and their executors' processes and logs.
 */
final class StandaloneCluster {

    /** A daemon the start script recorded: its role ({@code master}, {@code worker-1}, …) and pid. */
    record Daemon(String role, long pid) {
    }

    private final Project project;
    private final Path stateDir;
    private final Map<String, String> env;
    private String masterUrl;

    /** A cluster whose state (pid file, logs, SPARK_HOME, work dirs) is under stateDir; on free ports. */
    StandaloneCluster(Project project, Path stateDir) {
        this.project = project;
        this.stateDir = stateDir;
        this.env = new LinkedHashMap<>(project.scriptEnv());
        env.put("ANCHOR_SWEEP_STANDALONE_DIR", stateDir.toString());
        env.put("ANCHOR_SWEEP_MASTER_PORT", String.valueOf(freePort()));
        env.put("ANCHOR_SWEEP_MASTER_WEBUI_PORT", String.valueOf(freePort()));
        env.put("ANCHOR_SWEEP_WORKER_WEBUI_PORT", "0");
        env.put("ANCHOR_SWEEP_WORKER_CORES", "1");
        env.put("ANCHOR_SWEEP_WORKER_MEMORY", "1536m");
    }

    /** Starts the master and {@code workers} workers of one core each: deploy/standalone/start N. */
    void start(int workers) throws IOException, InterruptedException {
        Script.Result started = Script.run(project.root(), env, 240, "deploy/standalone/start", String.valueOf(workers));
        if (started.exitCode() != 0) {
            throw new IllegalStateException("deploy/standalone/start " + workers + " must exit 0, but exited "
                    + started.exitCode() + ":\n" + started.output());
        }
        List<String> lines = started.stdout().lines().filter(l -> !l.isBlank()).toList();
        masterUrl = lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
        if (!masterUrl.startsWith("spark://127.0.0.1:")) {
            throw new IllegalStateException("the start script must print the master URL spark://127.0.0.1:PORT last, "
                    + "but printed:\n" + started.output());
        }
    }

    String masterUrl() {
        return masterUrl;
    }

    Path stateDir() {
        return stateDir;
    }

    Path sparkHomeJars() {
        return stateDir.resolve("spark-home/jars");
    }

    /** The daemons recorded in the pid file (empty once stopped). */
    List<Daemon> daemons() throws IOException {
        Path pids = stateDir.resolve("pids");
        if (!Files.exists(pids)) return List.of();
        List<Daemon> daemons = new ArrayList<>();
        for (String line : Files.readAllLines(pids)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 2) daemons.add(new Daemon(parts[0], Long.parseLong(parts[1])));
        }
        return daemons;
    }

    Daemon daemon(String role) throws IOException {
        List<Daemon> daemons = daemons();
        return daemons.stream().filter(d -> d.role().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the pid file must record " + role + ", but records "
                        + daemons));
    }

    /** The executor JVM a worker launched for an application (its child running CoarseGrainedExecutorBackend). */
    Optional<ProcessHandle> executorOf(Daemon worker) {
        return ProcessHandle.of(worker.pid()).stream().flatMap(ProcessHandle::children)
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("")
                        .contains("CoarseGrainedExecutorBackend"))
                .findFirst();
    }

    /** A worker's work dir: {@code <app id>/<executor id>/stderr} per executor it launched. */
    Path workDir(String workerRole) {
        return stateDir.resolve(workerRole);
    }

    /** The worker (role) whose work dir holds the executor of the given application, if any. */
    Optional<String> workerOfExecutor(String appId, String executorId) throws IOException {
        try (Stream<Path> dirs = Files.list(stateDir)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("worker-"))
                    .filter(d -> Files.isDirectory(d.resolve(appId).resolve(executorId)))
                    .map(d -> d.getFileName().toString()).findFirst();
        }
    }

    /** The stderr lines of the executors a worker launched for an application. */
    List<String> executorLog(String workerRole, String appId) throws IOException {
        Path app = workDir(workerRole).resolve(appId);
        if (!Files.isDirectory(app)) return List.of();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> executors = Files.list(app)) {
            for (Path e : executors.sorted().toList()) {
                Path stderr = e.resolve("stderr");
                if (Files.exists(stderr)) lines.addAll(Files.readAllLines(stderr, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    /** Runs deploy/standalone/stop; returns its output. */
    Script.Result stop() throws IOException, InterruptedException {
        return Script.run(project.root(), env, 120, "deploy/standalone/stop");
    }

    /** Every live process whose command line names this cluster's state folder: daemons and executors. */
    List<ProcessHandle> survivors() {
        String marker = stateDir.toString() + "/";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(marker)
                        || p.info().arguments().map(a -> String.join(" ", a)).orElse("").contains(marker))
                .toList();
    }

    static boolean waitForExit(ProcessHandle process, long seconds) throws InterruptedException {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
