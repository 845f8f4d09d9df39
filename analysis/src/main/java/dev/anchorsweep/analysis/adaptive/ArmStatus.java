package dev.anchorsweep.analysis.adaptive;

/**
 * Where an adaptive arm stands after a round.
 *
 * @param seeds    the seeds it has spent (its runs: seeds 0 … seeds − 1)
 * @param interval the median of its ok runs' metric and the bootstrap interval
 * @param stop     why it stopped adding seeds, or null while it needs more
 */
public record ArmStatus(String arm, int seeds, MedianInterval interval, Stop stop) {

    /** Why an arm stopped adding seeds. */
    public enum Stop {
        /** its interval is at most the rule's width */
        WIDTH,
        /** it has the rule's most seeds */
        MAX,
        /** pareto-only: its interval lies entirely on the worse side of the best arm's */
        PARETO;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean needsMore() {
        return stop == null;
    }
}
