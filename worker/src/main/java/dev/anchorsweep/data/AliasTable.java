package dev.anchorsweep.data;

/**
 * The alias table (Vose) of one weighted axis's positions at one set of data property values: per cell the
 * probability of the cell's own position as a 32-bit threshold and the position it otherwise aliases to, packed in one
 * {@code long} (threshold in the high word, alias in the low word) so that a draw reads one array element, and each
 * class's curriculum weight at those values. A pure function of the axis and the values.
 */
final class AliasTable {

    /** The fractions (property values clamped to [0, 1], in the axis's factor order) the table was built at. */
    final double[] values;
    /** Per cell: threshold &lt;&lt; 32 | alias; a cell of probability 1 aliases to itself. */
    final long[] cells;
    /** Per class of the axis: its curriculum weight Π levels (without the base) at these values. */
    final double[] weights;
    /**
     * Per class a lower bound of w_now/w (a little below the weight at each value 1/{@link ProposalTables#GRID} lower,
     * over the weight here; 0 where the weight is 0): every value a reference table serves lies in that range and
     * the levels are non-decreasing, so a uniform below it accepts a proposal without computing w_now.
     */
    final double[] squeeze;
    /**
     * Per position (at most 2¹⁶ of them, else null): its cell's threshold (high word), its squeeze in units of 2⁻¹⁶
     * rounded down (bits 16–31) and its cell's alias (low 16 bits): all that a proposal of {@link AxisPair} reads of the
     * table, in one array (a batch touches a few cache lines of it, not of three arrays).
     */
    final long[] packed;
    /** Whether every weight is 0 at these values (the cells are then meaningless). */
    boolean empty;

    AliasTable(int factors, int classes, int positions) {
        this.values = new double[factors];
        this.weights = new double[classes];
        this.squeeze = new double[classes];
        this.packed = positions <= 1 << 16 ? new long[positions] : null;
        this.cells = new long[positions];
    }
}
