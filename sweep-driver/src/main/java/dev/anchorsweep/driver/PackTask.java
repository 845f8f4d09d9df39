package dev.anchorsweep.driver;

import dev.anchorsweep.job.PackJob;
import dev.anchorsweep.job.Provenance;
import dev.anchorsweep.job.RunOutcome;
import dev.anchorsweep.results.ResultStore;
import dev.anchorsweep.run.Engine;
import dev.anchorsweep.train.TrainerFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.util.LongAccumulator;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.List;

/**
 * The Spark task: one pack, trained, evaluated and committed on an executor. Counts failed runs in an accumulator
 * for the driver's progress line.
 */
final class PackTask implements FlatMapFunction<Pack, RunOutcome> {

    private static final Logger log = LoggerFactory.getLogger(PackTask.class);

    private final String storeRoot;
    private final String codeVersion;
    private final int sweepVersion;
    private final LongAccumulator failed;

    PackTask(String storeRoot, String codeVersion, int sweepVersion, LongAccumulator failed) {
        this.storeRoot = storeRoot;
        this.codeVersion = codeVersion;
        this.sweepVersion = sweepVersion;
        this.failed = failed;
    }

    @Override
    public Iterator<RunOutcome> call(Pack pack) throws Exception {
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 0 : task.attemptNumber();
        // ND4J's native library (seconds to load) only where a run of the pack trains with SameDiff
        boolean samediff = pack.runs().stream().anyMatch(t -> TrainerFactory.resolve(t.spec()) == Engine.SAMEDIFF);
        nativeThreadsPerTask(pack, task, samediff);
        Configuration hadoop = SparkEnv.get() == null ? new Configuration()
                : SparkHadoopUtil.get().newConfiguration(SparkEnv.get().conf());
        ResultStore store = new ResultStore(storeRoot, hadoop);
        String sweepId = pack.runs().get(0).sweepId();
        PackProgress progress = new PackProgress(storeRoot, sweepId, hadoop);
        List<RunOutcome> outcomes = new PackJob(store, Provenance.here(codeVersion), sweepVersion).run(pack.packId(),
                pack.runs(), attempt, fraction -> progress.write(pack.packId(), pack.runs().size(), fraction));
        outcomes.stream().filter(RunOutcome::failed).forEach(o -> failed.add(1));
        return outcomes.iterator();
    }

    /**
     * ND4J's native thread pool must have one thread per task core: executors run one task per core, and more threads
     * per op only contend. ND4J sizes it from OMP_NUM_THREADS, which the driver sets for every executor
     * (spark.executorEnv); should the environment not have it, this sets the pool size itself.
     */
    private static void nativeThreadsPerTask(Pack pack, TaskContext task, boolean samediff) {
        int cpus = task == null ? 1 : task.cpus();
        String executor = SparkEnv.get() == null ? "?" : SparkEnv.get().executorId();
        Environment nd4j = samediff ? Nd4j.getEnvironment() : null;
        int threads = nd4j == null ? 0 : nd4j.maxThreads();
        log.info("{} (task {} attempt {}) on executor {}: {} (OMP_NUM_THREADS={}, task cpus {}), "
                        + "JavaCPP maxPhysicalBytes {}", pack.packId(), task == null ? "?" : task.partitionId(),
                task == null ? 0 : task.attemptNumber(), executor,
                nd4j == null ? "fused engine, ND4J not loaded" : "ND4J threads " + threads,
                System.getenv("OMP_NUM_THREADS"), cpus, org.bytedeco.javacpp.Pointer.maxPhysicalBytes());
        if (nd4j != null && threads != cpus) {
            log.warn("executor {}: ND4J had {} native threads for tasks of {} cpu(s) (OMP_NUM_THREADS={}); set to {}",
                    executor, threads, cpus, System.getenv("OMP_NUM_THREADS"), cpus);
            nd4j.setMaxThreads(cpus);
            nd4j.setMaxMasterThreads(cpus);
        }
    }
}
