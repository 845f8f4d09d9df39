package dev.anchorsweep.train;

/**
 * Why a run failed: it diverged (a non-finite loss) or training threw.
 *
 * @param step the step at which it failed (the first non-finite loss), or null when unknown
 */
public record RunFailure(String error, Integer step) {

    public static RunFailure diverged(String what, double value, int step) {
        return new RunFailure("diverged: " + what + " is " + value + " at step " + step, step);
    }

    public static RunFailure thrown(Throwable t) {
        String message = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return new RunFailure(message, null);
    }
}
