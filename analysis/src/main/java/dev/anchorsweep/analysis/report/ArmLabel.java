package dev.anchorsweep.analysis.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An arm's name as the page shows it where space is short: the regularizer axis without its name
 * ({@code regularizers=anchor+separate} → {@code anchor + separate}); other axes as they are.
 */
public final class ArmLabel {

    static final String REGULARIZERS = "regularizers=";

    private ArmLabel() {
    }

    public static String shortName(String arm) {
        return Arrays.stream(arm.split(", "))
                .map(part -> part.startsWith(REGULARIZERS) ? part.substring(REGULARIZERS.length()).replace("+", " + ") : part)
                .collect(Collectors.joining(", "));
    }
}
