package dev.anchorsweep.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Silences Spark's per-task error logs (the executor's and the task scheduler's stack traces) for the commands that
 * run user queries: a query that fails while it runs (a bad cast, a division by zero) is reported once, as a message,
 * by the command itself.
 */
final class QuietTaskErrors {

    private QuietTaskErrors() {
    }

    static void apply() {
        Configurator.setLevel("org.apache.spark.executor.Executor", Level.OFF);
        Configurator.setLevel("org.apache.spark.scheduler.TaskSetManager", Level.OFF);
        Configurator.setLevel("org.apache.spark.scheduler.TaskSchedulerImpl", Level.OFF);
    }
}
