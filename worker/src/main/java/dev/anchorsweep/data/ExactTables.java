package dev.anchorsweep.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The exact alias tables of one single-factor weighted axis, one per property value asked for, shared by every copy of
 * the axis (every run of every pack, on any thread). A table is a pure function of the axis and the value, so a run
 * draws the same bits whichever run built it; the runs of a pack share their schedule, so the first run to reach a
 * value builds its table and the others only look it up.
 *
 * <p>Two ways in: the table kept next after the one a run used last (in the order they were built, which is the order
 * of a schedule's steps: a run that follows a schedule others followed before finds its next table there, in memory
 * next to the last one), else an open-addressing map from the value's bits. Readers take no lock (an entry is
 * published before its key or its count, with release/acquire), writers take this object's lock. The tables' cells lie
 * in shared arrays in the order they were built, so a run that walks a schedule reads them as one stream. Bounded by
 * {@link #MAX_BYTES} (and all axes together by {@link #MAX_ALL_BYTES}): where a new table would exceed it, all of the
 * axis's are forgotten and built again as they are asked for.
 */
final class ExactTables {

    /** The most bytes of tables kept per axis: 32 MB (about 20,000 values of an axis of 100 positions). */
    static final long MAX_BYTES = 32L << 20;
    /**
     * The most bytes of tables kept by all axes together: 256 MB (a sweep of many data phases has an axis pair per
     * phase, each up to {@link #MAX_BYTES}). An axis whose next table would exceed it forgets its own first.
     */
    static final long MAX_ALL_BYTES = 256L << 20;
    /** Bytes of tables kept by all axes (of the prototypes in use: {@link #forgetAll} starts it again). */
    private static final java.util.concurrent.atomic.AtomicLong ALL = new java.util.concurrent.atomic.AtomicLong();
    /** Cells per shared array (512 KB): a schedule's tables lie next to one another in it. */
    static final int ARENA_CELLS = 1 << 16;

    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(long[].class);
    /** A slot never used (no fraction's bits: all ones is a NaN). */
    private static final long EMPTY = -1L;

    /** The map from a value's bits to its table, capacity a power of two, replaced as a whole when it grows. */
    private record Slots(long[] keys, AliasTable[] tables) {
        Slots(int capacity) {
            this(empty(capacity), new AliasTable[capacity]);
        }

        private static long[] empty(int capacity) {
            long[] keys = new long[capacity];
            Arrays.fill(keys, EMPTY);
            return keys;
        }
    }

    /** The tables in the order they were built, and their values; the first {@link #count} are published. */
    private record Order(double[] values, AliasTable[] tables) {
        Order(int capacity) {
            this(new double[capacity], new AliasTable[capacity]);
        }
    }

    private final long maxBytes;
    private volatile Slots slots = new Slots(1024);
    private volatile Order order = new Order(512);
    private volatile int count;
    private long bytes;
    private long built;
    /** The array the next tables' cells go into, one after another, and the cells it holds so far. */
    private long[] arena = new long[0];
    private int arenaUsed;

    /**
     * The exact table of {@code axis} at the fraction {@code value}: the one built next after {@code last} (the
     * table the run used before; null: none) where its value is {@code value}, else the kept one, else one built
     * now.
     */
    AliasTable at(double value, AliasTable last, WeightedAxis axis) {
        if (last != null && last.sequence >= 0) {
            int next = last.sequence + 1;
            if (next < count) { // count first: the order read after it holds every entry it counts
                Order o = order;
                if (o.values[next] == value) return o.tables[next]; // its value's table, whatever came before
            }
        }
        long key = Double.doubleToRawLongBits(value);
        Slots s = slots;
        int mask = s.keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long k = (long) KEYS.getAcquire(s.keys, i);
            if (k == key) return s.tables[i];
            if (k == EMPTY) return build(key, value, axis);
        }
    }

    ExactTables() {
        this(MAX_BYTES);
    }

    /** @param maxBytes the most bytes of tables kept (a test's small budget) */
    ExactTables(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Starts the count of all axes' bytes again: the prototypes that kept them are dropped. */
    static void forgetAll() {
        ALL.set(0);
    }

    /** Bytes of tables kept by all axes, as counted for {@link #MAX_ALL_BYTES}. */
    static long allBytes() {
        return ALL.get();
    }

    /** Tables built so far. */
    synchronized long built() {
        return built;
    }

    /** Builds and keeps the table of a value not found (unless another thread has built it meanwhile). */
    private synchronized AliasTable build(long key, double value, WeightedAxis axis) {
        Slots s = slots;
        int i = slot(s, key);
        if (s.keys[i] == key) return s.tables[i];
        int positions = axis.positions();
        if (arenaUsed + positions > arena.length) {
            arena = new long[Math.max(ARENA_CELLS, positions)];
            arenaUsed = 0;
        }
        AliasTable t = axis.newTable(arena, arenaUsed);
        arenaUsed += positions;
        axis.build(new double[] {value}, t);
        built++;
        long size = axis.tableBytes();
        if (bytes + size > maxBytes || ALL.get() + size > MAX_ALL_BYTES) { // forget them all: built again as asked
            long forgotten = bytes;
            ALL.updateAndGet(all -> Math.max(0, all - forgotten));
            slots = new Slots(1024);
            order = new Order(512);
            count = 0;
            bytes = 0;
            arena = new long[0];
            arenaUsed = 0;
        } else if (2 * (count + 1) > s.keys.length) {
            grow();
        }
        s = slots;
        i = slot(s, key);
        int n = count;
        Order o = order;
        if (n == o.values.length) {
            o = new Order(Arrays.copyOf(o.values, 2 * n), Arrays.copyOf(o.tables, 2 * n));
            order = o;
        }
        t.sequence = n;
        o.values[n] = value;
        o.tables[n] = t;
        s.tables[i] = t;
        KEYS.setRelease(s.keys, i, key);
        bytes += size;
        ALL.addAndGet(size);
        count = n + 1;
        return t;
    }

    /** The slot of {@code key} in {@code s}: its own, or the empty one it would take. */
    private static int slot(Slots s, long key) {
        int mask = s.keys.length - 1;
        int i = mix(key) & mask;
        while (s.keys[i] != key && s.keys[i] != EMPTY) i = (i + 1) & mask;
        return i;
    }

    /** Doubles the map's capacity, rehashing into a new map that readers see once it is complete. */
    private void grow() {
        Slots old = slots, grown = new Slots(2 * old.keys.length);
        for (int j = 0; j < old.keys.length; j++) {
            if (old.keys[j] == EMPTY) continue;
            int i = slot(grown, old.keys[j]);
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
