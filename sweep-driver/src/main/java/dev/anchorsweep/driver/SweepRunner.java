package dev.anchorsweep.driver;

import dev.anchorsweep.analysis.ResultViews;
import dev.anchorsweep.analysis.adaptive.ArmStatus;
import dev.anchorsweep.analysis.adaptive.SeedRule;
import dev.anchorsweep.job.Provenance;
import dev.anchorsweep.job.RunOutcome;
import dev.anchorsweep.job.RunTicket;
import dev.anchorsweep.results.CommittedRun;
import dev.anchorsweep.results.ResultStore;
import dev.anchorsweep.results.ResultsLock;
import dev.anchorsweep.results.SweepRepair;
import dev.anchorsweep.results.SweepRow;
import dev.anchorsweep.job.WarmUpPack;
import dev.anchorsweep.train.TrainerWarmUp;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a planned sweep on Spark: holds the results folder's lock, readies its files (quarantine, orphans), picks the
 * sweep version, skips runs already committed (resume), packs the rest, trains every pack as one Spark task, shows
 * progress, and prints the per-arm summary. Results land in the Parquet tables under the output root; the version's
 * row in {@code sweeps} is written at the start and rewritten at the end.
 */
public final class SweepRunner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SweepRunner.class);

    /** Default number of runs per graph (see the performance notes in the README). */
    public static final int DEFAULT_PACK_SIZE = 64;

    public record Options(String out, String master, int packSize, boolean rerunFailed, Map<String, String> sparkConf,
                          long progressMillis) {
    }

    /**
     * A sweep to run: its identity, its resolved config, and every planned run; with an adaptive seed rule, the runs of
     * every arm's most seeds, of which the rounds spend the first ones ({@link SeedRoundsRun}).
     *
     * @param adaptive the adaptive seed rule, or null
     */
    public record Sweep(String name, String configText, String configFile, List<RunTicket> runs, SeedRule adaptive) {

        public Sweep(String name, String configText, String configFile, List<RunTicket> runs) {
            this(name, configText, configFile, runs, null);
        }
    }

    /**
     * @param total planned runs; {@code trained} of them were trained now, the others were already committed
     */
    public record Result(String root, int total, int ok, int failed, int trained, double seconds,
                         SweepSummary summary, List<ArmStatus> adaptiveArms) {
        public int exitCode() {
            return failed > 0 ? 3 : 0;
        }
    }

    /** The output root as a Hadoop URI: a plain path becomes an absolute file: URI. */
    public static String outputRoot(String out, String sweepName) {
        String o = out == null ? "results/" + sweepName : out;
        return o.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") ? o : Path.of(o).toAbsolutePath().normalize().toUri().toString();
    }

    public Result run(Sweep sweep, Options options, PrintStream err) throws IOException {
        long start = System.nanoTime();
        String root = outputRoot(options.out(), sweep.name());
        Configuration hadoop = SparkSessions.hadoopConfiguration(options.sparkConf());
        try (ResultsLock lock = ResultsLock.acquire(root, hadoop, err::println)) {
            return run(sweep, options, root, hadoop, start, err);
        }
    }

    /** Everything a run does while it holds the folder's lock. */
    private Result run(Sweep sweep, Options options, String root, Configuration hadoop, long start, PrintStream err)
            throws IOException {
        String sweepId = sweep.name();
        String codeVersion = Provenance.currentCodeVersion();
        ResultStore store = new ResultStore(root, hadoop);
        SweepRepair.Report repair = store.repair(sweepId, err::println);
        if (repair.orphans() + repair.temporaries() > 0) {
            err.printf("removed %d file(s) of packs without a runs file (stopped before their commit, or damaged) and "
                    + "%d temporary folder(s)%n",
                    repair.orphans(), repair.temporaries());
        }
        new PackProgress(root, sweepId, hadoop).clear(); // a killed run's progress files would inflate this one's
        List<String> planned = sweep.runs().stream().map(RunTicket::runId).toList();
        Map<String, CommittedRun> stored = store.committedRuns(sweepId);
        VersionChoice version = VersionChoice.of(store.sweepVersions(sweepId), sweep.configText(), planned,
                stored.keySet(), Instant.now());
        if (version.message() != null) err.println(version.message());
        Set<String> committed = new HashSet<>(stored.keySet());
        if (options.rerunFailed()) {
            Set<String> failed = planned.stream().filter(id -> stored.containsKey(id) && stored.get(id).failed())
                    .collect(Collectors.toSet());
            store.uncommit(sweepId, failed);
            committed.removeAll(failed);
        }
        List<RunTicket> todo = sweep.runs().stream().filter(t -> !committed.contains(t.runId())).toList();
        int already = sweep.runs().size() - todo.size();
        if (sweep.adaptive() == null) {
            err.printf("sweep %s (version %d): %d runs, %d already committed, %d to train → %s%n", sweepId,
                    version.version(), sweep.runs().size(), already, todo.size(), root);
        } else {
            int arms = SeedRoundsRun.byArm(sweep.runs()).size();
            err.printf("sweep %s (version %d): adaptive seeds, %d %s × %d to %d seeds (%d to %d runs), %d already "
                    + "committed → %s%n", sweepId, version.version(), arms, arms == 1 ? "arm" : "arms",
                    sweep.adaptive().start(),
                    sweep.adaptive().max(), arms * sweep.adaptive().start(), sweep.runs().size(), already, root);
        }

        // in local mode the driver's JVM trains the packs: warm its JIT up while Spark starts (stopped in train)
        TrainerWarmUp warmUp = todo.isEmpty() || !SparkSessions.isLocal(options.master()) ? null
                : TrainerWarmUp.start(WarmUpPack.of(todo.get(0).spec(), hadoop, codeVersion));
        SparkSession spark = SparkSessions.start("anchor-sweep " + sweepId, options.master(), options.sparkConf());
        try {
            List<RunTicket> runs = sweep.runs();
            List<RunOutcome> outcomes = new ArrayList<>();
            List<ArmStatus> adaptiveArms = List.of();
            int trained = todo.size();
            if (sweep.adaptive() == null) {
                store.commitSweep(sweepRow(sweep, runs, version, null, 0, 0, 0, options.master(), codeVersion));
                if (!todo.isEmpty()) outcomes.addAll(train(spark, store, root, sweepId, version.version(), todo,
                        options, codeVersion, warmUp, err));
            } else {
                SeedRoundsRun.Outcome rounds = SeedRoundsRun.run(sweep, spark, root, committed,
                        round -> store.commitSweep(sweepRow(sweep, round, version, null, 0, 0, 0, options.master(),
                                codeVersion)),
                        round -> train(spark, store, root, sweepId, version.version(), round, options, codeVersion,
                                warmUp, err), err);
                runs = rounds.runs();
                outcomes.addAll(rounds.outcomes());
                adaptiveArms = rounds.arms();
                trained = rounds.outcomes().size();
            }
            Set<String> reported = outcomes.stream().map(RunOutcome::runId).collect(Collectors.toSet());
            List<String> earlier = runs.stream().map(RunTicket::runId).filter(id -> !reported.contains(id)).toList();
            List<String> tables = earlier.isEmpty() ? List.of() : ResultViews.register(spark, root);
            if (tables.contains("runs")) outcomes.addAll(SweepSummary.committed(spark, sweepId, earlier, tables));
            SweepSummary summary = SweepSummary.of(outcomes);
            store.commitSweep(sweepRow(sweep, runs, version, Instant.now(), summary.ok(), summary.failed(), summary.stopped(),
                    options.master(), codeVersion));
            return new Result(root, runs.size(), summary.ok(), summary.failed(), trained,
                    (System.nanoTime() - start) / 1e9, summary, adaptiveArms);
        } finally {
            if (warmUp != null) warmUp.close();
            spark.stop();
        }
    }

    /** Trains the runs, one Spark task per pack; returns what the final attempt of every task reported. */
    private static List<RunOutcome> train(SparkSession spark, ResultStore store, String root, String sweepId,
                                          int sweepVersion, List<RunTicket> todo, Options options, String codeVersion,
                                          TrainerWarmUp warmUp, PrintStream err) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slots = sc.defaultParallelism();
        List<Pack> packs = Packer.pack(todo, options.packSize(), slots);
        err.printf("training %d runs in %d packs (≤ %d runs each) on %d task slots (%s)%n", todo.size(), packs.size(),
                options.packSize(), slots, options.master());
        LongAccumulator failed = sc.sc().longAccumulator("failed runs");
        Set<String> ids = todo.stream().map(RunTicket::runId).collect(Collectors.toSet());
        List<RunOutcome> outcomes;
        PackProgress packProgress;
        try {
            packProgress = new PackProgress(root, sweepId, sc.hadoopConfiguration());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SweepStop.watch(sc);
        try (SweepProgress progress = new SweepProgress(store, packProgress, sweepId, ids, failed, err,
                options.progressMillis())) {
            if (warmUp != null) warmUp.close();
            outcomes = sc.parallelize(packs, packs.size())
                    .flatMap(new PackTask(root, codeVersion, sweepVersion, failed))
                    .collect();
        } finally {
            packProgress.clear();
        }
        long bad = outcomes.stream().filter(RunOutcome::failed).count();
        if (bad > 0) {
            err.printf("%d run(s) failed:%n", bad);
            outcomes.stream().filter(RunOutcome::failed).limit(10)
                    .forEach(o -> err.printf("  %s (%s): %s%n", o.runId(), o.arm(), o.error()));
        }
        return outcomes;
    }

    /** The version's row, planning {@code runs} (every run of a fixed sweep; the rounds' runs so far of an adaptive one). */
    private static SweepRow sweepRow(Sweep sweep, List<RunTicket> runs, VersionChoice version, Instant finished, int ok,
                                     int failed, int stopped, String master, String codeVersion) {
        return new SweepRow(sweep.name(), version.version(), version.configHash(),
                runs.stream().map(RunTicket::runId).toList(), sweep.name(), sweep.configText(),
                sweep.configFile(), version.createdAt(), finished, runs.size(), ok, failed, stopped, master, codeVersion);
    }
}
