package dev.anchorsweep.cli;

/**
 * A command-line value that cannot be used, found before anything starts: its message, one line, names the option,
 * the bad value and what is valid. {@link Main} prints it with a pointer to the command's help and exits with 2.
 */
final class BadArgument extends IllegalArgumentException {

    BadArgument(String message) {
        super(message);
    }
}
