package dev.anchorsweep.analysis.sql;

import org.apache.spark.SparkThrowable;

import java.util.ArrayList;
import java.util.List;

/**
 * The readable part of a Spark SQL error: the message of the innermost {@link SparkThrowable} (error class, what is
 * wrong, where in the query), without the logical plan Spark appends to analysis errors or the task-failure wrapping
 * of errors raised while the query runs.
 */
public final class SparkErrorMessage {

    private SparkErrorMessage() {
    }

    public static String of(Throwable error) {
        Throwable best = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SparkThrowable s && s.getCondition() != null) best = t;
            if (t.getCause() == t) break;
        }
        String message = best.getMessage() == null ? best.getClass().getSimpleName() : best.getMessage();
        return withoutPlan(message).strip();
    }

    /** Drops the plan dump that follows analysis errors ("... line 1 pos 7;\n'Project [...]\n+- ..."). */
    static String withoutPlan(String message) {
        List<String> kept = new ArrayList<>();
        for (String line : message.split("\n", -1)) {
            String t = line.stripLeading();
            if (!kept.isEmpty() && (t.startsWith("'") || t.startsWith("+-") || t.startsWith(":-")
                    || line.matches("^[A-Z][A-Za-z]+ \\[.*") || line.startsWith("   +-"))) {
                break;
            }
            kept.add(line);
        }
        String text = String.join("\n", kept);
        return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    }
}
