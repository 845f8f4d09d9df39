package dev.anchorsweep.data;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The proposal tables of one weighted axis, shared by every run that draws from it (every copy of the axis, in any
 * pack, on any thread): the alias tables at the <em>reference</em> values, each data property value rounded up to a
 * multiple of 1/{@link #GRID}. A table is a pure function of the axis and its reference, built once by the first run
 * that needs it; a run whose values move every step changes its reference only every 1/{@link #GRID} of a property's
 * range, and the tables of a whole schedule (≤ {@link #GRID} + 1 per property) stay in the CPU's cache.
 */
final class ProposalTables {

    /** Reference values are multiples of 1/GRID (a power of two: k/GRID is exact, and v·GRID rounds up exactly). */
    static final int GRID = 128;
    /** Factors whose references pack into one key (8 bits each). */
    static final int MAX_FACTORS = 7;
    /**
     * The most bytes of tables kept per axis (an axis of several factors could visit many references, a large colour
     * set has large tables): 16 MB, the 129 tables of one property over 15,000 positions. Beyond it a run builds its
     * own.
     */
    static final long MAX_BYTES = 16L << 20;

    private final ConcurrentHashMap<Long, AliasTable> tables = new ConcurrentHashMap<>();
    private final AtomicLong built = new AtomicLong();

    /** The key of the reference of {@code values} (fractions per factor): each rounded up to a multiple of 1/GRID. */
    static long key(double[] fractions) {
        long key = 0;
        for (double f : fractions) key = key << 8 | (long) Math.ceil(f * GRID);
        return key;
    }

    /** The reference fractions of {@code key}, for {@code factors} factors. */
    static double[] reference(long key, int factors) {
        double[] out = new double[factors];
        for (int f = factors - 1; f >= 0; f--, key >>>= 8) out[f] = (key & 0xFF) / (double) GRID;
        return out;
    }

    /** The table at the reference {@code key}, built by {@code axis} if none is kept yet; null when too many are. */
    AliasTable at(long key, WeightedAxis axis) {
        AliasTable table = tables.get(key);
        if (table != null || (long) (tables.size() + 1) * axis.tableBytes() > MAX_BYTES) return table;
        return tables.computeIfAbsent(key, k -> {
            built.incrementAndGet();
            AliasTable t = axis.newTable();
            axis.build(reference(k, axis.factors()), t);
            return t;
        });
    }

    /** Tables built so far. */
    long built() {
        return built.get();
    }
}
