package dev.anchorsweep.data;

/**
 * The alias table (Vose) of one weighted axis's positions at one set of data property values: per cell the
 * probability of the cell's own position as a 32-bit threshold and the position it otherwise aliases to, packed in one
 * {@code long} (threshold in the high word, alias in the low word) so that a draw reads one array element, and each
 * class's curriculum weight at those values. A pure function of the axis and the values. Its cells are
 * {@code cells[offset .. offset + size)}: an array of its own, or a stretch of one that {@link ExactTables} shares
 * among the tables it keeps (those of a schedule's steps then lie next to one another).
 */
final class AliasTable {

    /** The fractions (property values clamped to [0, 1], in the axis's factor order) the table was built at. */
    final double[] values;
    /** Per cell, from {@link #offset}: threshold &lt;&lt; 32 | alias; a cell of probability 1 aliases to itself. */
    final long[] cells;
    /** Where the cells start in {@link #cells}, and how many there are (one per position). */
    final int offset;
    final int size;
    /** Per class of the axis: its curriculum weight Π levels (without the base) at these values. */
    final double[] weights;
    /** Whether every weight is 0 at these values (the cells are then meaningless). */
    boolean empty;
    /** Where {@link ExactTables} keeps it: its place in the order they were built (−1: not kept there). */
    int sequence = -1;

    AliasTable(int factors, int classes, int positions) {
        this(factors, classes, new long[positions], 0, positions);
    }

    /** A table whose cells are {@code cells[offset .. offset + positions)}. */
    AliasTable(int factors, int classes, long[] cells, int offset, int positions) {
        this.values = new double[factors];
        this.weights = new double[classes];
        this.cells = cells;
        this.offset = offset;
        this.size = positions;
    }
}
