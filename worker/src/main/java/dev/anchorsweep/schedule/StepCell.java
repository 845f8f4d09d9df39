package dev.anchorsweep.schedule;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dopesheet STEP cell, as the reference (ex-preppy {@code mini.temporal.dopesheet}) reads it: an absolute
 * step (an anchor), {@code +N}/{@code -N} (N after the previous anchor / before the next one) or
 * {@code +F}/{@code -F} with 0 &lt; F &lt; 1 (a fraction of the way between the surrounding anchors, from the
 * previous / back from the next, rounded half to even as Python's {@code round}). Anchors are the rows with
 * an absolute step, in file order; relative rows are never anchors.
 */
sealed interface StepCell {

    String VALID = "an absolute step (e.g. 750), +N/-N or +F/-F (0<F<1)";
    Pattern ABSOLUTE = Pattern.compile("\\d+");
    Pattern OFFSET = Pattern.compile("([+-])([1-9]\\d*)");
    Pattern FRACTION = Pattern.compile("([+-])(\\d*\\.\\d+)");

    static StepCell parse(String text) {
        try {
            if (ABSOLUTE.matcher(text).matches()) {
                return new Absolute(Integer.parseInt(text));
            }
            Matcher offset = OFFSET.matcher(text);
            if (offset.matches()) {
                return new Offset(text, offset.group(1).equals("-"), Integer.parseInt(offset.group(2)));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("STEP '" + text + "' is too large; steps must be at most " + Integer.MAX_VALUE);
        }
        Matcher fraction = FRACTION.matcher(text);
        if (fraction.matches()) {
            double f = Double.parseDouble(fraction.group(2));
            if (!(f > 0 && f < 1)) {
                throw new IllegalArgumentException("STEP '" + text + "' is a fraction outside 0<F<1; valid: " + VALID);
            }
            return new Fraction(text, fraction.group(1).equals("-"), f);
        }
        throw new IllegalArgumentException("STEP '" + text + "' is not " + VALID);
    }

    /** The step this cell stands for, given the anchors around its row (empty where there is none). */
    int resolve(OptionalInt previousAnchor, OptionalInt nextAnchor);

    /** The step of an absolute cell; relative cells are not anchors. */
    default OptionalInt anchor() {
        return OptionalInt.empty();
    }

    record Absolute(int step) implements StepCell {
        @Override
        public OptionalInt anchor() {
            return OptionalInt.of(step);
        }

        @Override
        public int resolve(OptionalInt previousAnchor, OptionalInt nextAnchor) {
            return step;
        }
    }

    record Offset(String text, boolean backwards, int offset) implements StepCell {
        @Override
        public int resolve(OptionalInt previousAnchor, OptionalInt nextAnchor) {
            OptionalInt anchor = backwards ? nextAnchor : previousAnchor;
            if (anchor.isEmpty()) {
                throw new IllegalArgumentException("STEP '" + text + "' counts from the "
                        + (backwards ? "next" : "previous") + " absolute step (anchor), but there is none");
            }
            long step = backwards ? (long) anchor.getAsInt() - offset : (long) anchor.getAsInt() + offset;
            return checked(text, step);
        }
    }

    record Fraction(String text, boolean backwards, double fraction) implements StepCell {
        @Override
        public int resolve(OptionalInt previousAnchor, OptionalInt nextAnchor) {
            if (previousAnchor.isEmpty() || nextAnchor.isEmpty()) {
                throw new IllegalArgumentException("STEP '" + text + "' lies between absolute steps (anchors), but there is no "
                        + (previousAnchor.isEmpty() ? "previous" : "next") + " anchor");
            }
            int previous = previousAnchor.getAsInt();
            int next = nextAnchor.getAsInt();
            int interval = next - previous;
            double step = backwards ? next - fraction * interval : previous + fraction * interval;
            return checked(text, (long) Math.rint(step));
        }
    }

    private static int checked(String text, long step) {
        if (step < 0 || step > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("STEP '" + text + "' resolves to " + step
                    + ", but steps must be in [0, " + Integer.MAX_VALUE + "]");
        }
        return (int) step;
    }
}
