package dev.anchorsweep.analysis.sql;

/** A statement that is not a read-only query, refused before anything ran; its message is one line. */
public final class RefusedStatementException extends RuntimeException {

    public RefusedStatementException(String message) {
        super(message);
    }
}
