package dev.anchorsweep.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The exact alias tables of one single-factor weighted axis at the property values that runs have asked for more than
 * once, shared by every copy of the axis (every run of every pack, on any thread): a run whose value at a step was
 * already drawn at by another run (the other runs of its pack, which share its schedule) draws from the exact table of
 * that value — no acceptance test, no per-batch weights — instead of a {@link ProposalTables reference table}.
 * A value seen once is only remembered; the second sighting builds its table, so a run alone (a pack of one, or a
 * schedule no other run shares) never pays for builds it cannot reuse.
 *
 * <p>An open-addressing map from the value's bits to its table: readers take no lock (a slot's table is published
 * before its key, with release/acquire), writers take this object's lock. Bounded by {@link #MAX_BYTES}: past it,
 * values are neither remembered nor built and their runs use the reference tables.
 */
final class ExactTables {

    /** The most bytes of exact tables kept per axis: 32 MB (about 20,000 values of an axis of 100 positions). */
    static final long MAX_BYTES = 32L << 20;

    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(long[].class);
    /** A slot never used (no value's bits: a fraction's bits are never all ones, that is a NaN). */
    private static final long EMPTY = -1L;

    /** The map, replaced as a whole when it grows: keys (the value's bits) and tables, capacity a power of two. */
    private record Slots(long[] keys, AliasTable[] tables) {
        Slots(int capacity) {
            this(filled(capacity), new AliasTable[capacity]);
        }

        private static long[] filled(int capacity) {
            long[] keys = new long[capacity];
            java.util.Arrays.fill(keys, EMPTY);
            return keys;
        }
    }

    private volatile Slots slots = new Slots(1024);
    private int used;
    private long bytes;
    private long built;

    /**
     * The exact table of {@code axis} at the fraction {@code value}: the kept one, or one built now if the value was
     * seen before; null where it is seen for the first time (then remembered) or the budget is spent.
     */
    AliasTable at(double value, WeightedAxis axis) {
        long key = Double.doubleToRawLongBits(value);
        Slots s = slots;
        int mask = s.keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long k = (long) KEYS.getAcquire(s.keys, i);
            if (k == key) {
                return s.tables[i];
            }
            if (k == EMPTY) return sighted(key, value, axis);
        }
    }

    /** Tables built so far. */
    synchronized long built() {
        return built;
    }

    /** A value not found: its table built now and kept (the map emptied first where the budget would be spent). */
    private synchronized AliasTable sighted(long key, double value, WeightedAxis axis) {
        Slots s = slots;
        int mask = s.keys.length - 1;
        int i = mix(key) & mask;
        while (s.keys[i] != key && s.keys[i] != EMPTY) i = (i + 1) & mask;
        if (s.keys[i] == key) return s.tables[i]; // built meanwhile by another thread
        AliasTable t = axis.newTable();
        axis.build(new double[] {value}, t);
        built++;
        long size = axis.tableBytes();
        if (bytes + size > MAX_BYTES) { // forget them all: a table is a pure function of its value, built again if asked
            slots = new Slots(1024);
            used = 0;
            bytes = 0;
            return sighted(key, value, axis, t);
        }
        if (2 * (used + 1) > s.keys.length) {
            grow();
            return sighted(key, value, axis, t);
        }
        s.tables[i] = t;
        KEYS.setRelease(s.keys, i, key);
        used++;
        bytes += size;
        return t;
    }

    /** Keeps the table {@code t} just built for {@code key} in the (emptied or grown) map. */
    private AliasTable sighted(long key, double value, WeightedAxis axis, AliasTable t) {
        Slots s = slots;
        int mask = s.keys.length - 1;
        int i = mix(key) & mask;
        while (s.keys[i] != EMPTY) i = (i + 1) & mask;
        s.tables[i] = t;
        KEYS.setRelease(s.keys, i, key);
        used++;
        bytes += axis.tableBytes();
        return t;
    }

    /** Doubles the capacity, rehashing into a new map that readers see once it is complete. */
    private void grow() {
        Slots old = slots, grown = new Slots(2 * old.keys.length);
        int mask = grown.keys.length - 1;
        for (int j = 0; j < old.keys.length; j++) {
            if (old.keys[j] == EMPTY) continue;
            int i = mix(old.keys[j]) & mask;
            while (grown.keys[i] != EMPTY) i = (i + 1) & mask;
            grown.keys[i] = old.keys[j];
            grown.tables[i] = old.tables[j];
        }
        slots = grown;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
