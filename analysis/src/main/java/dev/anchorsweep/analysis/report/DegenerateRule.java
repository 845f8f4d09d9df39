package dev.anchorsweep.analysis.report;

/**
 * When an ok run is <b>degenerate</b>: it trained to the end but reconstructs so badly that its interventions say
 * nothing about its concept. The report's {@code views/run_flags.sql} states the same rule in SQL; the sweep's
 * end-of-run summary applies it here. A run is degenerate when its validation reconstruction error is not a number,
 * above {@link #CEILING} (within 10 % of the error {@link #CONSTANT_GREY} of a model that always outputs mid-grey, the
 * validation colours' mean and the best constant output: it learned next to nothing), or above {@link #TIMES_MEDIAN} × its arm's median
 * and above {@link #FLOOR}.
 */
public final class DegenerateRule {

    /** Validation error of always answering mid-grey: the variance of the 351 validation colours (SCA-SPEC §1). */
    public static final double CONSTANT_GREY = 0.0888;
    public static final double CEILING = 0.08;
    public static final double TIMES_MEDIAN = 10;
    public static final double FLOOR = 0.01;

    private DegenerateRule() {
    }

    /**
     * @param valRecon  the run's validation reconstruction error; null (not validated) is never degenerate
     * @param armMedian the median validation reconstruction error of the arm's ok runs
     */
    public static boolean degenerate(Double valRecon, double armMedian) {
        if (valRecon == null) return false;
        if (Double.isNaN(valRecon) || valRecon > CEILING) return true;
        return valRecon > TIMES_MEDIAN * armMedian && valRecon > FLOOR;
    }
}
