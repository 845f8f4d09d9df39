package dev.anchorsweep.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes a canonical form (see {@link Canonical}) as JSON text in one way only, after RFC 8785: no whitespace; object
 * keys sorted by their UTF-16 code units; lists in their order; numbers as {@link CanonicalNumber}; strings with only
 * {@code "}, {@code \} and control characters escaped. A value of any other type is an error, never its
 * {@code toString()}.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String of(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Canonical c) {
            write(sb, c.canonicalForm());
        } else if (value instanceof String s) {
            string(sb, s);
        } else if (value instanceof Boolean b) {
            sb.append(b);
        } else if (value instanceof Integer || value instanceof Long) {
            sb.append(CanonicalNumber.of(((Number) value).longValue()));
        } else if (value instanceof Double d) {
            sb.append(CanonicalNumber.of(d));
        } else if (value instanceof double[] a) {
            List<Object> list = new ArrayList<>();
            for (double d : a) list.add(d);
            write(sb, list);
        } else if (value instanceof int[] a) {
            List<Object> list = new ArrayList<>();
            for (int i : a) list.add(i);
            write(sb, list);
        } else if (value instanceof Collection<?> list) {
            sb.append('[');
            boolean first = true;
            for (Object e : list) {
                if (!first) sb.append(',');
                first = false;
                write(sb, e);
            }
            sb.append(']');
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            for (Object key : map.keySet()) {
                if (!(key instanceof String s)) {
                    throw new IllegalArgumentException("canonical object keys must be strings, but got " + key);
                }
                keys.add(s);
            }
            keys.sort(null);
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) sb.append(',');
                string(sb, keys.get(i));
                sb.append(':');
                write(sb, map.get(keys.get(i)));
            }
            sb.append('}');
        } else {
            throw new IllegalArgumentException("a " + value.getClass().getName() + " has no canonical form; give it"
                    + " one (implement Canonical) rather than relying on toString()");
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
