package dev.anchorsweep.schedule;

/** A dopesheet CSV that breaks the format; the message names the source, the line and what is valid. */
public final class DopesheetFormatException extends IllegalArgumentException {

    DopesheetFormatException(String sourceName, int line, String problem) {
        super(sourceName + " line " + line + ": " + problem);
    }

    DopesheetFormatException(String sourceName, String problem) {
        super(sourceName + ": " + problem);
    }
}
