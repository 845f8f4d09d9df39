package dev.anchorsweep.driver;

import dev.anchorsweep.results.ResultStore;
import org.apache.spark.util.LongAccumulator;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Prints progress while a sweep runs: runs done / total, failed, rate and ETA. "Done" is read from the result store
 * (a run is done once its files are committed), so it is exact on any cluster; "trained" adds the packs' own
 * reports of how far they are ({@link PackProgress}) and drives the ETA; failures are counted when their pack finishes.
 */
final class SweepProgress implements AutoCloseable {

    private final ResultStore store;
    private final String sweepId;
    private final Set<String> toTrain;
    private final LongAccumulator failed;
    private final PrintStream out;
    private final PackProgress packs;
    private final long start = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;
    private int lastDone = -1;
    private int lastPercent = -1;

    SweepProgress(ResultStore store, PackProgress packs, String sweepId, Set<String> toTrain, LongAccumulator failed,
                  PrintStream out, long intervalMillis) {
        this.packs = packs;
        this.store = store;
        this.sweepId = sweepId;
        this.toTrain = toTrain;
        this.failed = failed;
        this.out = out;
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
                if (running) report(false);
            }
        }, "sweep-progress");
        thread.setDaemon(true);
        thread.start();
    }

    int done() {
        try {
            Set<String> committed = new HashSet<>(store.committedRunIds(sweepId));
            committed.retainAll(toTrain);
            return committed.size();
        } catch (Exception e) {
            return Math.max(lastDone, 0);
        }
    }

    synchronized void report(boolean always) {
        int done = done();
        int total = toTrain.size();
        double trained = Math.min(1, Math.max(done, packs.trainedRuns()) / total);
        int percent = (int) Math.floor(100 * trained);
        if (!always && done == lastDone && percent == lastPercent) return;
        lastDone = done;
        lastPercent = percent;
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        String eta = done >= total ? "0s" : trained <= 0 ? "?" : Durations.format(seconds * (1 - trained) / trained);
        out.printf("[%s] %d/%d runs done · %d%% trained · %d failed · %.2f runs/s · ETA %s%n",
                Durations.format(seconds), done, total, percent, failed.value(), rate, eta);
        out.flush();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        report(true);
    }
}
