package dev.anchorsweep.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Suggests the closest valid name for a misspelt one (Levenshtein distance, at most a third of the name's length). */
public final class DidYouMean {

    private DidYouMean() {
    }

    public static Optional<String> suggest(String bad, Collection<String> valid) {
        int limit = Math.max(2, bad.length() / 3);
        return valid.stream()
                .filter(v -> distance(bad, v) <= limit || v.startsWith(bad) || bad.startsWith(v))
                .min(Comparator.comparingInt(v -> distance(bad, v)));
    }

    /** " (did you mean 'x'?)" or "". */
    public static String hint(String bad, Collection<String> valid) {
        return suggest(bad, valid).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
