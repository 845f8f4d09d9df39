package dev.anchorsweep.cli;

import dev.anchorsweep.driver.DiskFull;
import dev.anchorsweep.driver.SparkSessions;
import dev.anchorsweep.driver.SweepStop;
import dev.anchorsweep.driver.SweepRunner;
import dev.anchorsweep.driver.SeedRoundsTable;
import dev.anchorsweep.job.RunTicket;
import dev.anchorsweep.results.ResultStore;
import dev.anchorsweep.sweep.PlannedRun;
import dev.anchorsweep.sweep.SweepPlan;
import dev.anchorsweep.sweep.SweepPlanner;
import dev.anchorsweep.train.VariableUtilsPatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** Runs a whole sweep on Spark: embedded local mode by default, any master URL otherwise. Resumes by default. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a sweep on Spark (embedded local[*] by default). Re-running resumes: committed runs are "
                + "skipped. Exit code 0 when every run is ok, 3 when some failed, 2 for a bad config or bad "
                + "arguments, 4 when the disk is full, 130/143 when stopped by SIGINT/SIGTERM (run it again to resume).")
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "sweep config (HOCON)")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "output root: a folder or any Hadoop URI "
            + "(file://, hdfs://, s3a://); default results/<sweep-name>")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master URL, e.g. spark://HOST:PORT (YARN "
            + "and Kubernetes through deploy/submit; default: the one spark-submit set, else embedded "
            + SparkSessions.LOCAL + ", every core, 3 attempts per task)")
    String master;

    @Option(names = "--pack-size", paramLabel = "P", description = "most runs trained together in one graph "
            + "(default " + SweepRunner.DEFAULT_PACK_SIZE + ")")
    int packSize = SweepRunner.DEFAULT_PACK_SIZE;

    @Option(names = "--rerun-failed", description = "retrain the runs committed as failed")
    boolean rerunFailed;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", description = "extra Spark setting (repeatable)")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        ConfigArgument.require(config);
        if (packSize < 1) {
            throw new BadArgument("--pack-size " + packSize + ": must be at least 1 (the most runs trained together in "
                    + "one graph; default " + SweepRunner.DEFAULT_PACK_SIZE + ")");
        }
        if (master != null) MasterUrl.require("--master", master);
        if (out != null && out.isBlank()) throw new BadArgument("--out is empty: give a folder or a Hadoop URI");
        SparkSettings.require(sparkConf);
        SweepPlan plan = SweepPlanner.load(config);
        try {
            VariableUtilsPatch.requireLoaded();   // before Spark starts: else every task fails with this, retried
        } catch (IllegalStateException e) {
            System.err.println("anchor-sweep: " + e.getMessage());
            return 1;
        }
        String sparkMaster = SparkSessions.master(master);
        String root = SweepRunner.outputRoot(out, plan.name());
        OutputFolder.require(out == null ? "--out (default results/" + plan.name() + ")" : "--out " + out, root,
                SparkSessions.hadoopConfiguration(sparkConf));
        if (!SparkSessions.isLocal(sparkMaster) && !sparkMaster.matches("spark://(127\\.0\\.0\\.1|localhost)[:,].*")
                && root.startsWith("file:")) {
            System.err.printf("warning: results go to %s, which every executor resolves on its own machine: on a "
                    + "cluster of several machines use a shared folder, hdfs:// or s3a:// (--out)%n", root);
        }
        SweepRunner.Sweep sweep = sweep(plan);
        PrintStream err = System.err;
        SweepRunner.Result result;
        try (SweepStop stop = SweepStop.begin(() -> interrupted(root, sweep))) {
            try {
                result = new SweepRunner().run(sweep, new SweepRunner.Options(out, sparkMaster, packSize, rerunFailed,
                        sparkConf, 5_000), err);
            } catch (Exception e) {
                SweepStop.Reason why = stop.reason() != null ? stop.reason()
                        : DiskFull.isCause(e) ? SweepStop.Reason.DISK_FULL : null;
                if (why == null) throw e;
                err.println(why == SweepStop.Reason.DISK_FULL ? DiskFull.message(folder(root)) : interrupted(root, sweep));
                err.flush();
                return why.exitCode();
            }
            if (stop.reason() != null) { // the sweep finished while it was told to stop
                err.println(interrupted(root, sweep));
                return stop.reason().exitCode();
            }
        }
        System.out.println();
        System.out.print(result.summary().render());
        if (plan.adaptive() != null) {
            System.out.println();
            System.out.print(SeedRoundsTable.render(plan.adaptive(), result.adaptiveArms()));
        }
        int stopped = result.summary().stopped();
        System.out.printf("%n%d runs: %d ok, %s%d failed (%d trained now) in %.1f s → %s%n", result.total(), result.ok(),
                stopped > 0 ? stopped + " stopped, " : "", result.failed(), result.trained(), result.seconds(),
                result.root());
        System.out.printf("report: deploy/sweep report %s   (or query: deploy/sweep sql %s \"SELECT …\")%n",
                out == null ? "results/" + plan.name() : out, out == null ? "results/" + plan.name() : out);
        return result.exitCode();
    }

    /** The last line of an interrupted sweep: how many of its runs are committed. */
    private String interrupted(String root, SweepRunner.Sweep sweep) {
        String committed;
        try {
            Set<String> ids = new ResultStore(root, SparkSessions.hadoopConfiguration(sparkConf))
                    .committedRunIds(sweep.name());
            committed = String.valueOf(sweep.runs().stream().filter(r -> ids.contains(r.runId())).count());
        } catch (IOException | RuntimeException e) {
            committed = "?";
        }
        return "interrupted: " + committed + " of " + (sweep.adaptive() == null ? "" : "at most ") + sweep.runs().size()
                + " runs committed; run the same command to resume";
    }

    /** The output root as the user reads it: a path for this machine's disk, else the URI. */
    private static String folder(String root) {
        return root.startsWith("file:") ? Path.of(URI.create(root)).toString() : root;
    }

    static SweepRunner.Sweep sweep(SweepPlan plan) {
        List<RunTicket> tickets = plan.runs().stream().map(r -> ticket(plan.name(), r)).toList();
        return new SweepRunner.Sweep(plan.name(), plan.config().configText(),
                plan.config().file() == null ? null : plan.config().file().toString(), tickets, plan.adaptive());
    }

    private static RunTicket ticket(String sweepId, PlannedRun r) {
        return new RunTicket(sweepId, r.runId(), r.arm(), r.axes(), r.spec());
    }
}
