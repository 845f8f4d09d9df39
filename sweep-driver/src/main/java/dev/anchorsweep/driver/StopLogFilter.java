package dev.anchorsweep.driver;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.core.filter.Filterable;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Keeps a stopping sweep's log quiet: on every appender, drops each event about a full disk (Spark logs a failed
 * task's stack trace before the driver can stop the sweep) and Spark's notice that it aborts a job (the job's failure
 * reaches the command, which reports it), and once the sweep stops, drops every event.
 */
final class StopLogFilter extends AbstractFilter {

    private final Set<Filterable> filtered = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile boolean silent;

    StopLogFilter() {
        start();
    }

    @Override
    public Result filter(LogEvent event) {
        if (silent) return Result.DENY;
        String message = event.getMessage() == null ? null : event.getMessage().getFormattedMessage();
        if (DiskFull.mentioned(message) || DiskFull.isCause(event.getThrown())) return Result.DENY;
        // "Task 1 in stage 0.0 failed 3 times; aborting job": the job's failure reaches the command, which says why
        if (message != null && message.endsWith("; aborting job")) return Result.DENY;
        return Result.NEUTRAL;
    }

    /** Adds this filter to every appender it is not on yet (Spark may configure logging when it starts). */
    synchronized void attach() {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) return;
        for (Appender appender : context.getConfiguration().getAppenders().values()) {
            if (appender instanceof Filterable f && filtered.add(f)) f.addFilter(this);
        }
    }

    /** From now on, no log event is written. */
    void silence() {
        silent = true;
        attach();
        if (LogManager.getContext(false) instanceof LoggerContext) {
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.OFF);
        }
    }

    /** Takes this filter off every appender (the log levels a silence set stay). */
    synchronized void detach() {
        filtered.forEach(f -> f.removeFilter(this));
        filtered.clear();
    }
}
