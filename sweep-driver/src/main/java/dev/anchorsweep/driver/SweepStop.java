package dev.anchorsweep.driver;

import org.apache.spark.SparkContext;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Stops a running sweep early and cleanly: on SIGINT or SIGTERM, or when a task failed because the disk is full.
 * Stopping cancels the sweep's Spark jobs, so no new pack starts (in local mode the packs still running end with the
 * JVM; their committed runs stay committed), and silences every log and stray stack trace, so that the command can
 * end with the one line that says why and how to resume. If the sweep has not returned {@link #GRACE_MILLIS} after a
 * signal, or a second signal comes, the line is printed from here and the JVM halts.
 *
 * <p>One sweep per JVM at a time: {@link #begin} installs the handlers, {@link #close} restores the previous ones.
 * {@link SweepRunner} calls {@link #watch} just before it submits the packs.
 */
public final class SweepStop implements AutoCloseable {

    /** Why a sweep stopped, and the exit code of the command. */
    public enum Reason {
        SIGINT(130), SIGTERM(143), DISK_FULL(DiskFull.EXIT_CODE);

        private final int exitCode;

        Reason(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** Thrown from {@link #watch} when the sweep must stop before its packs are submitted. */
    public static final class Stopped extends RuntimeException {
        Stopped(Reason reason) {
            super("the sweep stopped before training: " + reason, null, false, false);
        }
    }

    static final long GRACE_MILLIS = 20_000;

    private static volatile SweepStop current;

    private final Supplier<String> lastLine;
    private final PrintStream stderr = System.err;
    private final StopLogFilter logFilter = new StopLogFilter();
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private volatile Reason reason;
    private volatile boolean closed;

    private SweepStop(Supplier<String> lastLine) {
        this.lastLine = lastLine;
    }

    /**
     * Handles SIGINT and SIGTERM from now until {@link #close}.
     *
     * @param lastLine the line to print should the sweep not return in time after a signal (it is asked then)
     */
    public static SweepStop begin(Supplier<String> lastLine) {
        SweepStop stop = new SweepStop(lastLine);
        stop.logFilter.attach();
        for (String name : new String[]{"INT", "TERM"}) {
            Signal signal = new Signal(name);
            try {
                stop.previous.put(signal, Signal.handle(signal, s -> stop.stop(name.equals("INT") ? Reason.SIGINT
                        : Reason.SIGTERM)));
            } catch (IllegalArgumentException e) {
                // the JVM does not let us handle it (e.g. started with -Xrs): its default stays
            }
        }
        current = stop;
        return stop;
    }

    /**
     * Called by the driver just before it submits the packs: throws {@link Stopped} if the sweep must stop already,
     * else cancels every job that starts after a stop and stops the sweep when a task fails for a full disk.
     */
    public static void watch(JavaSparkContext sc) {
        SweepStop stop = current;
        if (stop == null) return;
        if (stop.reason != null) throw new Stopped(stop.reason);
        stop.logFilter.attach();
        SparkContext context = sc.sc();
        context.addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart job) {
                if (stop.reason != null) context.cancelJob(job.jobId());
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd task) {
                if (task.reason() instanceof TaskFailedReason failed && DiskFull.mentioned(failed.toErrorString())) {
                    stop.stop(Reason.DISK_FULL);
                }
            }
        });
    }

    /** Why the sweep stopped, or null while it has not. */
    public Reason reason() {
        return reason;
    }

    void stop(Reason why) {
        synchronized (this) {
            if (closed) return;
            if (reason != null) {
                if (why != Reason.DISK_FULL && reason != Reason.DISK_FULL) giveUp(); // a second signal
                return;
            }
            reason = why;
        }
        logFilter.silence();
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        scala.Option<SparkSession> spark = SparkSession.getDefaultSession();
        if (spark.isDefined()) spark.get().sparkContext().cancelAllJobs();
        if (why != Reason.DISK_FULL) {
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(GRACE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                giveUp();
            }, "sweep-stop-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    /** The sweep did not return in time: prints its last line here and ends the JVM at once. */
    private void giveUp() {
        if (closed) return;
        String line;
        try {
            line = lastLine.get();
        } catch (RuntimeException e) {
            line = "interrupted; run the same command to resume";
        }
        stderr.println(line);
        stderr.flush();
        Runtime.getRuntime().halt(reason.exitCode());
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (current == this) current = null;
        previous.forEach(Signal::handle);
        logFilter.detach();
        if (reason != null) System.setErr(stderr);
    }
}
