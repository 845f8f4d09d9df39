package dev.anchorsweep.train;

import dev.anchorsweep.run.RunSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains small throw-away packs on a background thread so that the JIT has compiled the trainer's Java code (SameDiff's
 * session and op dispatch) and ND4J's native library is loaded before the real packs start.
 *
 * <p>Why: a cold JVM runs the first few hundred steps of a pack 2-3 times slower than a warm one (the fused engine's
 * Vector API code runs interpreted, very slowly, until C2 compiles it), and on a machine whose cores all train, the
 * compiler threads get little CPU. The driver of a local sweep starts this while Spark starts (a core is mostly idle
 * then) and stops it, waiting for the pack in progress, before the packs are submitted: the warm-up never trains
 * beside a real pack, and it never prints a warning (a failure of its own throw-away packs is logged at debug).
 */
public final class TrainerWarmUp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainerWarmUp.class);

    /** Runs and steps per warm-up pack: short enough that {@link #close()} waits little even while the code still runs interpreted. */
    static final int PACK_SIZE = 2;
    static final int STEPS = 20;
    /**
     * Stops by itself after this long: the fused engine is compiled after ~1 s of packs; longer only takes CPU from
     * Spark's start and the first real packs.
     */
    static final long MAX_NANOS = 3_000_000_000L;
    static final String THREAD_NAME = "trainer-warm-up";

    private final Thread thread;
    private volatile boolean stopped;

    private TrainerWarmUp(RunSpec template) {
        List<RunSpec> pack = new ArrayList<>();
        for (int p = 0; p < PACK_SIZE; p++) pack.add(template.shortened(STEPS, p));
        thread = new Thread(() -> warm(pack), THREAD_NAME);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /** Starts warming up on packs shaped like {@code template}. */
    public static TrainerWarmUp start(RunSpec template) {
        TrainerWarmUp warmUp = new TrainerWarmUp(template);
        warmUp.thread.start();
        return warmUp;
    }

    private void warm(List<RunSpec> pack) {
        long start = System.nanoTime();
        int packs = 0;
        try {
            while (!stopped && System.nanoTime() - start < MAX_NANOS) {
                TrainerFactory.trainer().train(pack);
                packs++;
            }
        } catch (RuntimeException | LinkageError e) {
            log.debug("warm-up ended early: {}", e.toString());
        }
        log.info("warm-up: {} packs of {} runs × {} steps in {} s", packs, PACK_SIZE, STEPS,
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    /** True on the warm-up's own thread: trainers log their failures there at debug, not as warnings. */
    public static boolean onThisThread() {
        return THREAD_NAME.equals(Thread.currentThread().getName());
    }

    /** Stops after the pack in progress and waits for it (a fraction of a second), so no real pack trains beside it. */
    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
