package dev.anchorsweep.analysis.sql;

/** A query Spark could not parse, analyse or run, with Spark's own explanation and no stack trace. */
public final class BadQueryException extends RuntimeException {

    public BadQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
