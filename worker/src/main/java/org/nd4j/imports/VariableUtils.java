package org.nd4j.imports;

/**
 * Replaces ND4J 1.0.0-M2.1's class of the same name (same package, same method) so that it comes first on the
 * class path; keep the worker's classes ahead of nd4j-api (the launcher, Maven and the job jar all do; a test checks it).
 *
 * <p>Why: SameDiff calls {@code stripVarSuffix} several times per variable in {@code AbstractSession.initSubgraph}, at
 * every training step, and the original tests {@code varName.matches(".*:\\d+")}, compiling a regular expression per
 * call. Profiled on a pack of 64 runs that was about half of all bytes allocated by training and a large share of its
 * Java time. This does the same test without a regular expression.
 */
public class VariableUtils {

    /** Marks this copy as the one loaded (see the class comment). */
    public static final boolean ANCHOR_SWEEP_PATCHED = true;

    /**
     * Removes a trailing {@code :<digits>} (an output index) from a variable name to get the op name.
     *
     * @return the name without the suffix; the name itself when it has none; null for null
     */
    public static String stripVarSuffix(String varName) {
        if (varName == null) return null;
        int colon = varName.lastIndexOf(':');
        if (colon < 0 || colon == varName.length() - 1) return varName;
        for (int i = colon + 1; i < varName.length(); i++) {
            char c = varName.charAt(i);
            if (c < '0' || c > '9') return varName;
        }
        // ".*" does not match line terminators: a name with one before the colon keeps its suffix, as in the original
        for (int i = 0; i < colon; i++) {
            char c = varName.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return varName;
        }
        return varName.substring(0, colon);
    }
}
