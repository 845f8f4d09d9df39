package dev.anchorsweep.results;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks of one column value for the row records' compact constructors; each error names the column and the value. */
final class ColumnCheck {

    private static final int MAX_ID_LENGTH = 200;

    private ColumnCheck() {
    }

    /** An identifier usable as a partition value and in a file name: [A-Za-z0-9][A-Za-z0-9_-]*, at most 200 chars. */
    static String id(String column, String value) {
        boolean ok = value != null && !value.isEmpty() && value.length() <= MAX_ID_LENGTH
                && Character.isLetterOrDigit(value.charAt(0));
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
        }
        if (!ok) {
            throw new IllegalArgumentException(column + " must be 1-" + MAX_ID_LENGTH
                    + " ASCII letters, digits, '-' or '_' starting with a letter or digit (it names files and partitions), but got "
                    + quoted(value));
        }
        return value;
    }

    static String text(String column, String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(column + " must not be blank, but got " + quoted(value));
        return value;
    }

    /** Null stays null (the column is optional); otherwise as {@link #text}. */
    static String optionalText(String column, String value) {
        return value == null ? null : text(column, value);
    }

    static <T> T present(String column, T value) {
        if (value == null) throw new IllegalArgumentException(column + " must not be null");
        return value;
    }

    static int atLeast(String column, int value, int min) {
        if (value < min) throw new IllegalArgumentException(column + " must be at least " + min + ", but got " + value);
        return value;
    }

    static double nonNegative(String column, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(column + " must be finite and at least 0, but got " + value);
        }
        return value;
    }

    static double unit(String column, double value) {
        if (!(value >= 0 && value <= 1)) throw new IllegalArgumentException(column + " must be in [0, 1], but got " + value);
        return value;
    }

    /** Timestamps are stored as timestamp-millis: the value is truncated to milliseconds so rows round-trip equal. */
    static Instant millis(String column, Instant value) {
        return present(column, value).truncatedTo(ChronoUnit.MILLIS);
    }

    static Instant optionalMillis(String column, Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MILLIS);
    }

    static Instant notBefore(String column, Instant value, String earlierColumn, Instant earlier) {
        if (value != null && earlier != null && value.isBefore(earlier)) {
            throw new IllegalArgumentException(column + " must not be before " + earlierColumn + " (" + earlier + "), but got " + value);
        }
        return value;
    }

    /** An unmodifiable copy; null elements are rejected. */
    static <T> List<T> list(String column, List<T> value) {
        present(column, value);
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) throw new IllegalArgumentException(column + " must not hold null, but element " + i + " is null");
        }
        return List.copyOf(value);
    }

    /** An unmodifiable copy sorted by key (so files are byte-for-byte reproducible); null keys and values are rejected. */
    static <V> Map<String, V> map(String column, Map<String, V> value) {
        present(column, value);
        for (Map.Entry<String, V> e : value.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException(column + " must not hold null keys or values, but got " + e.getKey() + " -> " + e.getValue());
            }
        }
        return Collections.unmodifiableMap(new TreeMap<>(value));
    }

    static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
