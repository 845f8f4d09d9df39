package dev.anchorsweep.results;

/**
 * A results folder that cannot be used as it is: held by another writer, a file that cannot be read, a file of another
 * schema version. The message is one line that says what is wrong and what to do; the commands exit 2 with it.
 */
public final class ResultsFolderException extends RuntimeException {

    public ResultsFolderException(String message) {
        super(message);
    }
}
