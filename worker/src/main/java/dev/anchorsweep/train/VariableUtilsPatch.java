package dev.anchorsweep.train;

import org.nd4j.imports.VariableUtils;

import java.security.CodeSource;

/**
 * Checks that the JVM loaded the worker's copy of ND4J's {@link VariableUtils} (which SameDiff calls several times per
 * variable per training step; see that class) rather than nd4j-api's own, slower one: a class path with nd4j-api
 * ahead of the worker's jar would silently train at a fraction of the speed. {@link PackTrainer} checks it once.
 */
public final class VariableUtilsPatch {

    /** The static field that only the worker's copy has. */
    static final String MARKER = "ANCHOR_SWEEP_PATCHED";

    private static volatile boolean checked;

    private VariableUtilsPatch() {
    }

    /** Throws IllegalStateException, naming where the class came from, unless the worker's copy is loaded. */
    public static void requireLoaded() {
        if (checked) return;
        require(VariableUtils.class);
        checked = true;
    }

    /** As {@link #requireLoaded()} for the class {@code loaded} as org.nd4j.imports.VariableUtils. */
    static void require(Class<?> loaded) {
        try {
            loaded.getField(MARKER);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("org.nd4j.imports.VariableUtils was loaded from " + origin(loaded)
                    + ", ND4J's own copy, not the worker's faster one: the worker's jar (or classes) must come before"
                    + " nd4j-api on the class path, and a shaded jar must hold the worker's copy");
        }
    }

    private static String origin(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "an unknown place" : source.getLocation().toString();
    }
}
