package dev.anchorsweep.driver;

import dev.anchorsweep.job.PackJob;
import dev.anchorsweep.job.Provenance;
import dev.anchorsweep.job.RunOutcome;
import dev.anchorsweep.results.ResultStore;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.util.LongAccumulator;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Spark task: one pack, trained, evaluated and committed on an executor. Counts failed runs in an accumulator
 * for the driver's progress line.
 */
final class PackTask implements FlatMapFunction<Pack, RunOutcome> {

    /** Test-only fault injection: a task's first attempt dies after committing this many runs. */
    static final String FAULT_AFTER_COMMITS = "spark.anchorsweep.faults.failFirstAttemptAfterCommits";

    private final String storeRoot;
    private final String codeVersion;
    private final LongAccumulator failed;

    PackTask(String storeRoot, String codeVersion, LongAccumulator failed) {
        this.storeRoot = storeRoot;
        this.codeVersion = codeVersion;
        this.failed = failed;
    }

    @Override
    public Iterator<RunOutcome> call(Pack pack) throws Exception {
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 0 : task.attemptNumber();
        Configuration hadoop = SparkEnv.get() == null ? new Configuration()
                : SparkHadoopUtil.get().newConfiguration(SparkEnv.get().conf());
        int faultAfter = SparkEnv.get() == null ? -1 : SparkEnv.get().conf().getInt(FAULT_AFTER_COMMITS, -1);
        AtomicInteger commits = new AtomicInteger();
        Runnable afterCommit = faultAfter < 0 || attempt > 0 ? null : () -> {
            if (commits.incrementAndGet() == faultAfter) {
                throw new IllegalStateException("injected fault: " + pack.packId() + " attempt " + attempt
                        + " dies after committing " + faultAfter + " run(s)");
            }
        };
        ResultStore store = new ResultStore(storeRoot, hadoop);
        String sweepId = pack.runs().get(0).sweepId();
        PackProgress progress = new PackProgress(storeRoot, sweepId, hadoop);
        List<RunOutcome> outcomes = new PackJob(store, Provenance.here(codeVersion)).run(pack.packId(), pack.runs(),
                attempt, afterCommit, fraction -> progress.write(pack.packId(), pack.runs().size(), fraction));
        outcomes.stream().filter(o -> !o.ok()).forEach(o -> failed.add(1));
        return outcomes.iterator();
    }
}
