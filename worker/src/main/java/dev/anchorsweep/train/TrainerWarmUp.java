package dev.anchorsweep.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Repeats a small throw-away pack on a background thread so that the JIT has compiled the code a pack runs (the fused
 * engine's Vector API loops, SameDiff's session and op dispatch, evaluation, row building and Parquet encoding: the
 * driver passes a {@code dev.anchorsweep.job.WarmUpPack}) and ND4J's native library is loaded before the real packs
 * start.
 *
 * <p>Why: a cold JVM runs the first few hundred steps of a pack 2-3 times slower than a warm one (the fused engine's
 * Vector API code runs interpreted, very slowly, until C2 compiles it), and on a machine whose cores all train, the
 * compiler threads get little CPU. The driver of a local sweep starts this while Spark starts (a core is mostly idle
 * then) and stops it, waiting for the pack in progress, before the packs are submitted: the warm-up never trains
 * beside a real pack, and it never prints a warning (a failure of its own throw-away packs is logged at debug).
 */
public final class TrainerWarmUp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainerWarmUp.class);

    /**
     * Stops by itself after this long: the fused engine is compiled after ~1 s of packs; longer only takes CPU from
     * Spark's start and the first real packs.
     */
    static final long MAX_NANOS = 3_000_000_000L;
    static final String THREAD_NAME = "trainer-warm-up";

    private final Thread thread;
    private volatile boolean stopped;

    private TrainerWarmUp(Runnable pack) {
        thread = new Thread(() -> warm(pack), THREAD_NAME);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /**
     * Starts warming up by running {@code pack} again and again (at most {@link #MAX_NANOS}, until {@link #close()});
     * a pack that is {@link AutoCloseable} is closed on the warm-up's thread when it ends.
     */
    public static TrainerWarmUp start(Runnable pack) {
        TrainerWarmUp warmUp = new TrainerWarmUp(pack);
        warmUp.thread.start();
        return warmUp;
    }

    private void warm(Runnable pack) {
        long start = System.nanoTime();
        int packs = 0;
        try {
            while (!stopped && System.nanoTime() - start < MAX_NANOS) {
                pack.run();
                packs++;
            }
        } catch (RuntimeException | LinkageError e) {
            log.debug("warm-up ended early: {}", e.toString());
        }
        if (pack instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("warm-up pack not closed: {}", e.toString());
            }
        }
        log.info("warm-up: {} packs in {} s", packs, String.format("%.1f", (System.nanoTime() - start) / 1e9));
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
