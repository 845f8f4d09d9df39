package dev.anchorsweep.analysis.report;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the Spark jobs and tasks a report runs, for its timing log line (ANCHOR_SWEEP_LOG=INFO). */
final class SparkWork extends SparkListener {

    private final AtomicInteger jobs = new AtomicInteger();
    private final AtomicInteger tasks = new AtomicInteger();

    @Override
    public void onJobStart(SparkListenerJobStart event) {
        jobs.incrementAndGet();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
        tasks.incrementAndGet();
    }

    @Override
    public String toString() {
        return jobs.get() + " Spark jobs, " + tasks.get() + " tasks";
    }
}
