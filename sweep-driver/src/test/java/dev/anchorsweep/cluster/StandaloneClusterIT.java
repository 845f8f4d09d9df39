package dev.anchorsweep.cluster;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Spark standalone cluster on this machine — a master and two workers of one core each, every one its own JVM,
 * started by {@code deploy/standalone/start} — running sweeps launched by {@code deploy/sweep run --master spark://…},
 * whose executors load anchor-sweep from the job jar the driver ships (their SPARK_HOME holds Spark's jars only).
 * <ul>
 *   <li>local/cluster parity: the same 8-run sweep in embedded local mode and on the cluster gives the same rows, value
 *       for value;</li>
 *   <li>a worker JVM killed (SIGKILL) while both workers train packs: the sweep still finishes, every run is committed
 *       exactly once with all its rows, and the lost task is retried on the other worker;</li>
 *   <li>every process started here is stopped at the end, whatever happened ({@code deploy/standalone/stop}, and a
 *       shutdown hook should the JVM be ended early).</li>
 * </ul>
 * Run by failsafe in {@code mvn -Pcluster verify} (what .ci/run runs). Logs stay in
 * {@code sweep-driver/<build>/cluster-it/} for a post-mortem.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {

    /** 2 arms × 4 seeds = 8 runs; packs of at most 2 runs, so several tasks on the 2 task slots. */
    static final String CONFIG = """
            sweep.name = cluster-it
            run {
              model { latent-dim = 3, layers = 1 }
              training { steps = 200, validate-every = 50, history-every = 25 }
              concepts.red { label = "primary(red)", power = 8, scale = 0.08 }
              interventions {
                suppress { type = suppression, direction = [1, 0, 0], score { against = red } }
                ablate { type = ablation, dims = [0], score { against = red } }
              }
              evaluation { sets = [named], latents { set = rgb-grid, steps = [0, 200] } }
            }
            grid {
              seeds = "0..3"
              variants {
                plain {}
                anchored { regularizers.anchor { type = anchor, concept = red, direction = [1, 0, 0], weight = 0.1 } }
              }
            }
            """;
    static final int RUNS = 8;
    /** Float tolerance of the parity checks: |a − b| ≤ REL · max(|a|, |b|) + ABS. */
    static final double REL = 1e-6, ABS = 1e-9;

    static Project project;
    static Path work;
    static Path config;
    static StandaloneCluster cluster;
    static SparkSession spark;
    static ResultTables local;
    static Thread stopOnExit;
    static final List<SweepProcess> sweeps = new ArrayList<>();

    @BeforeAll
    static void startTheClusterAndRunTheSweepLocally() throws Exception {
        project = Project.current();
        work = project.driverBuild().resolve("cluster-it");
        deleteTree(work);
        Files.createDirectories(work);
        config = work.resolve("cluster-it.conf");
        Files.writeString(config, CONFIG);

        long t0 = System.nanoTime();
        cluster = new StandaloneCluster(project, work.resolve("standalone"));
        stopOnExit = new Thread(StandaloneClusterIT::stopQuietly, "stop-standalone-cluster");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        cluster.start(2);
        System.out.printf("cluster: %s with workers %s started in %.1f s%n", cluster.masterUrl(), cluster.daemons(),
                seconds(t0));

        long t1 = System.nanoTime();
        Path out = work.resolve("local");
        assertEquals(0, sweep(out, "local[2,3]", Map.of()).waitFor(600), "the local sweep must end with every run ok");
        System.out.printf("local sweep (reference): %.1f s%n", seconds(t1));

        spark = SparkSession.builder().master("local[1]").appName("cluster-it-reader")
                .config("spark.ui.enabled", false).getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        local = new ResultTables(spark, out.toUri().toString());
    }

    @AfterAll
    static void stopEverythingStartedHere() throws Exception {
        for (SweepProcess s : sweeps) s.close();
        if (spark != null) spark.stop();
        if (cluster == null) return;
        Script.Result stopped = cluster.stop();
        System.out.println("stop: " + stopped.output().trim());
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        for (SweepProcess s : sweeps) assertFalse(s.isAlive(), "a driver JVM survived");
        List<ProcessHandle> left = cluster.survivors();
        assertTrue(left.isEmpty(), "every process of the cluster must be gone after deploy/standalone/stop, but these "
                + "survive: " + left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
        assertEquals(0, stopped.exitCode(), stopped.output());
    }

    @Test
    @Order(1)
    void theJobJarHoldsWhatSparkLacksAndNothingSparkHas() throws IOException {
        Set<String> sparkJars;
        try (Stream<Path> jars = Files.list(cluster.sparkHomeJars())) {
            sparkJars = jars.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> jobEntries = entries(project.jobJar());
        // Spark ships jcl-over-slf4j in place of commons-logging (which hadoop-client-runtime asks for)
        Map<String, String> replacedBySpark = Map.of("commons-logging-", "jcl-over-slf4j-");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> launcherJars = Files.list(project.launcherLib())) {
            for (Path jar : launcherJars.sorted().toList()) {
                String name = jar.getFileName().toString();
                if (sparkJars.contains(name)) continue;
                Optional<String> replacement = replacedBySpark.entrySet().stream()
                        .filter(e -> name.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
                if (replacement.isPresent() && sparkJars.stream().anyMatch(j -> j.startsWith(replacement.get()))) continue;
                Set<String> classes = entries(jar);
                classes.removeIf(e -> !e.endsWith(".class") || e.endsWith("module-info.class"));
                classes.removeAll(jobEntries);
                if (!classes.isEmpty()) missing.add(name + " (" + classes.size() + " classes, e.g. " + classes.iterator().next() + ")");
            }
        }
        assertTrue(missing.isEmpty(), "every jar of the launcher's classpath must be in Spark's own jars or inside the "
                + "job jar, but these are in neither (add them to the shade includes in sweep-driver/pom.xml): " + missing);
        for (String provided : List.of("org/apache/spark/", "scala/", "org/apache/hadoop/", "org/apache/avro/",
                "org/apache/parquet/hadoop/", "com/fasterxml/jackson/core/", "org/slf4j/", "io/netty/")) {
            assertTrue(jobEntries.stream().noneMatch(e -> e.startsWith(provided) && e.endsWith(".class")),
                    "the job jar must leave " + provided + " to Spark, but holds classes of it");
        }
        for (String needed : List.of("dev/anchorsweep/cli/Main.class", "dev/anchorsweep/job/PackJob.class",
                "org/apache/parquet/avro/AvroParquetWriter.class", "org/nd4j/linalg/cpu/nativecpu/CpuBackend.class",
                "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/libnd4jcpu.so",
                "org/bytedeco/openblas/linux-x86_64/libopenblas.so.0")) {
            assertTrue(jobEntries.contains(needed), "the job jar must hold " + needed);
        }
        try (ZipFile job = new ZipFile(project.jobJar().toFile())) {
            ZipEntry backends = job.getEntry("META-INF/services/org.nd4j.linalg.factory.Nd4jBackend");
            assertTrue(backends != null && new String(job.getInputStream(backends).readAllBytes()).contains("CpuBackend"),
                    "the job jar's ND4J backend service file must name the CPU backend");
            ZipEntry variableUtils = job.getEntry("org/nd4j/imports/VariableUtils.class");
            assertTrue(variableUtils != null && new String(job.getInputStream(variableUtils).readAllBytes(),
                            java.nio.charset.StandardCharsets.ISO_8859_1).contains("ANCHOR_SWEEP_PATCHED"),
                    "the job jar must hold the worker's org.nd4j.imports.VariableUtils (marked ANCHOR_SWEEP_PATCHED), not"
                            + " nd4j-api's: executors check it at start-up and refuse to train with ND4J's slower copy");
        }
        System.out.printf("job jar: %s, %.1f MB, %d entries%n", project.jobJar(),
                Files.size(project.jobJar()) / 1e6, jobEntries.size());
    }

    @Test
    @Order(2)
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aSweepOnTheClusterGivesTheSameRowsAsInLocalMode() throws Exception {
        long t0 = System.nanoTime();
        Path out = work.resolve("cluster");
        Path events = Files.createDirectories(work.resolve("events-parity"));
        SweepProcess sweep = sweep(out, cluster.masterUrl(), eventLog(events));
        assertEquals(0, sweep.waitFor(600), () -> "the cluster sweep must end with every run ok; log:\n" + log(sweep));
        System.out.printf("cluster sweep: %.1f s%n", seconds(t0));

        ResultTables onCluster = new ResultTables(spark, out.toUri().toString());
        assertSameRunsAndRows(onCluster);
        assertSameValues("cluster", onCluster);

        TaskAttempts tasks = TaskAttempts.read(events);
        Set<String> workers = new TreeSet<>();
        for (TaskAttempts.Attempt a : tasks.attempts()) {
            workers.add(cluster.workerOfExecutor(tasks.appId(), a.executorId()).orElse("?"));
        }
        System.out.println("parity: tasks " + describe(tasks));
        assertEquals(Set.of("worker-1", "worker-2"), workers, "the packs must have run on both workers");
        for (String worker : workers) {
            List<String> started = cluster.executorLog(worker, tasks.appId()).stream()
                    .filter(l -> l.contains("PackTask: pack-")).toList();
            assertFalse(started.isEmpty(), worker + "'s executor must log the packs it trains");
            for (String line : started) {
                // a pack of fused runs does not load ND4J; where ND4J is loaded it has one thread per task core
                assertTrue(line.contains("ND4J threads 1 (OMP_NUM_THREADS=1, task cpus 1)")
                                || line.contains("fused engine, ND4J not loaded (OMP_NUM_THREADS=1, task cpus 1)"),
                        "executors must run ND4J with one native thread per task core, but " + worker + " logged: " + line);
                assertTrue(line.endsWith("JavaCPP maxPhysicalBytes 0"),
                        "executors must run without JavaCPP's physical-memory check, but " + worker + " logged: " + line);
            }
        }
    }

    @Test
    @Order(3)
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void killingAWorkerWhilePacksRunLosesNoRunAndDuplicatesNone() throws Exception {
        long t0 = System.nanoTime();
        Set<String> appsBefore = new HashSet<>(apps("worker-1"));
        appsBefore.addAll(apps("worker-2"));
        Path out = work.resolve("fault");
        Path events = Files.createDirectories(work.resolve("events-fault"));
        SweepProcess sweep = sweep(out, cluster.masterUrl(), eventLog(events));

        // wait until both workers' executors train a pack of this sweep
        String appId = null;
        String victimPack = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (victimPack == null) {
            if (System.nanoTime() > deadline || !sweep.isAlive()) {
                fail("both workers must start a pack within 5 minutes while the sweep runs; log:\n" + log(sweep));
            }
            Thread.sleep(250);
            Set<String> newApps = new HashSet<>(apps("worker-2"));
            newApps.removeAll(appsBefore);
            if (newApps.isEmpty()) continue;
            appId = newApps.iterator().next();
            List<String> victimLog = packStarts(cluster.executorLog("worker-2", appId));
            List<String> otherLog = packStarts(cluster.executorLog("worker-1", appId));
            if (!victimLog.isEmpty() && !otherLog.isEmpty()) victimPack = victimLog.get(victimLog.size() - 1);
        }
        StandaloneCluster.Daemon victim = cluster.daemon("worker-2");
        ProcessHandle executor = cluster.executorOf(victim)
                .orElseThrow(() -> new IllegalStateException("worker-2 must have an executor JVM while it trains a pack"));
        String victimExecutor = executorId(executor); // while it runs: a dead process has no arguments to read
        ProcessHandle worker = ProcessHandle.of(victim.pid()).orElseThrow();
        double killedAt = seconds(t0);
        worker.destroyForcibly(); // SIGKILL
        long killed = System.nanoTime();
        assertTrue(StandaloneCluster.waitForExit(worker, 30), "worker-2 must die of SIGKILL");
        boolean executorExited = StandaloneCluster.waitForExit(executor, 60);
        double executorExitSeconds = seconds(killed);
        assertTrue(executorExited, "the executor (pid " + executor.pid() + ") of the killed worker must exit by itself, "
                + "not survive as an orphan");

        assertEquals(0, sweep.waitFor(600), () -> "the sweep must still end with every run ok; log:\n" + log(sweep));
        double total = seconds(t0);

        ResultTables afterFault = new ResultTables(spark, out.toUri().toString());
        assertSameRunsAndRows(afterFault);
        assertSameValues("cluster with a lost worker", afterFault);

        TaskAttempts tasks = TaskAttempts.read(events);
        List<TaskAttempts.Attempt> lost = tasks.failed();
        assertFalse(lost.isEmpty(), "the killed worker's task must fail and be retried, but every task succeeded at "
                + "once: " + describe(tasks));
        for (TaskAttempts.Attempt a : lost) {
            assertEquals(victimExecutor, a.executorId(), "only the killed worker's executor may lose tasks: " + describe(tasks));
            assertTrue(a.reason().startsWith("ExecutorLostFailure"), "a task may fail only by losing its executor: "
                    + describe(tasks));
        }
        List<Row> runs = afterFault.runs("run_id, arm, seed, pack_id, attempt, host");
        Set<String> packs = runs.stream().map(r -> r.getString(3)).collect(Collectors.toCollection(TreeSet::new));
        Map<Integer, Long> successes = tasks.attempts().stream().filter(a -> a.reason().equals("Success"))
                .collect(Collectors.groupingBy(TaskAttempts.Attempt::index, Collectors.counting()));
        assertEquals(packs.size(), successes.size(), "every pack " + packs + " must succeed: " + describe(tasks));
        assertTrue(successes.values().stream().allMatch(n -> n == 1), "every pack must succeed once: " + describe(tasks));

        System.out.printf("fault: killed worker-2 (pid %d) %.1f s into the sweep while it trained [%s]; its executor %s "
                        + "(pid %d) exited %.1f s later; the sweep finished after %.1f s%n", victim.pid(), killedAt,
                victimPack, victimExecutor, executor.pid(), executorExitSeconds, total);
        System.out.println("fault: tasks " + describe(tasks));
        for (Row r : runs) System.out.println("fault: run " + r);
    }

    // ---- helpers

    static SweepProcess sweep(Path out, String master, Map<String, String> sparkConf) throws IOException {
        SweepProcess s = SweepProcess.start(project, config, out, master, sparkConf);
        sweeps.add(s);
        return s;
    }

    static Map<String, String> eventLog(Path dir) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.eventLog.enabled", "true");
        conf.put("spark.eventLog.dir", dir.toUri().toString());
        conf.put("spark.eventLog.compress", "false");
        // start the packs only once both executors are there (at most 60 s), so that both workers train at once
        conf.put("spark.scheduler.minRegisteredResourcesRatio", "1.0");
        conf.put("spark.scheduler.maxRegisteredResourcesWaitingTime", "60s");
        return conf;
    }

    /** Same planned runs, each committed once, all ok, with as many rows in every table as in the local sweep. */
    static void assertSameRunsAndRows(ResultTables tables) {
        Map<String, String> statuses = tables.statuses();
        assertEquals(RUNS, statuses.size(), "every planned run must be committed: " + statuses);
        assertTrue(statuses.values().stream().allMatch("ok"::equals), "every run must be ok: " + statuses);
        for (String table : ResultTables.RUN_TABLES) {
            Map<String, Long> expected = local.rowsPerRun(table);
            Map<String, Long> actual = tables.rowsPerRun(table);
            assertEquals(expected, actual, table + ": rows per run_id must equal the local sweep's (no run lost, "
                    + "duplicated or partial)");
            if (table.equals("runs")) assertTrue(actual.values().stream().allMatch(n -> n == 1), "one runs row per run");
        }
    }

    /** Every number of every row equal to the local sweep's within REL/ABS. */
    static void assertSameValues(String which, ResultTables tables) {
        for (String table : ResultTables.RUN_TABLES) {
            Map<String, double[]> expected = local.values(table);
            Map<String, double[]> actual = tables.values(table);
            assertEquals(expected.keySet(), actual.keySet(), table + ": the same rows");
            double worst = 0;
            List<String> off = new ArrayList<>();
            for (var e : expected.entrySet()) {
                double[] a = e.getValue(), b = actual.get(e.getKey());
                if (a.length != b.length) {
                    off.add(e.getKey() + ": " + a.length + " vs " + b.length + " values");
                    continue;
                }
                for (int i = 0; i < a.length; i++) {
                    if (Double.isNaN(a[i]) && Double.isNaN(b[i])) continue;
                    double diff = Math.abs(a[i] - b[i]), scale = Math.max(Math.abs(a[i]), Math.abs(b[i]));
                    worst = Math.max(worst, scale == 0 ? diff : diff / scale);
                    if (!(diff <= REL * scale + ABS)) off.add(e.getKey() + "[" + i + "]: " + a[i] + " vs " + b[i]);
                }
            }
            assertTrue(off.isEmpty(), table + ": values must equal the local sweep's to " + REL + " relative, but "
                    + off.size() + " differ, e.g. " + off.subList(0, Math.min(5, off.size())));
            System.out.printf("%s vs local, %s: %d rows, largest relative difference %.2e%n", which, table,
                    expected.size(), worst);
        }
    }

    static String describe(TaskAttempts tasks) {
        List<String> parts = new ArrayList<>();
        for (TaskAttempts.Attempt a : tasks.attempts()) {
            String worker;
            try {
                worker = cluster.workerOfExecutor(tasks.appId(), a.executorId()).orElse("?");
            } catch (IOException e) {
                worker = "?";
            }
            parts.add(String.format("%s attempt %d on executor %s (%s): %s after %.1f s", a.pack(), a.attempt(),
                    a.executorId(), worker, a.reason(), (a.finishMillis() - a.launchMillis()) / 1e3));
        }
        return String.join("; ", parts);
    }

    static List<String> apps(String worker) throws IOException {
        Path dir = cluster.workDir(worker);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> apps = Files.list(dir)) {
            return apps.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("app-")).toList();
        }
    }

    static List<String> packStarts(List<String> executorLog) {
        return executorLog.stream().filter(l -> l.contains("PackTask: pack-"))
                .map(l -> l.substring(l.indexOf("pack-"), l.indexOf(" on executor"))).toList();
    }

    static String executorId(ProcessHandle executor) {
        List<String> args = List.of(executor.info().arguments().orElse(new String[0]));
        int i = args.indexOf("--executor-id");
        return i < 0 ? "?" : args.get(i + 1);
    }

    static String log(SweepProcess sweep) {
        try {
            return sweep.log();
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static Set<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).collect(Collectors.toCollection(HashSet::new));
        }
    }

    static void stopQuietly() {
        try {
            for (SweepProcess s : sweeps) s.close();
            cluster.stop();
        } catch (Exception e) {
            System.err.println("could not stop the standalone cluster: " + e);
        }
    }

    /** Deletes a folder without following symbolic links (SPARK_HOME/jars links into the Maven repository). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
