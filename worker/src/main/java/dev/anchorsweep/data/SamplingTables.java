package dev.anchorsweep.data;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The alias tables of a pack's weighted axes, per step, shared by the runs of the pack. Runs of one pack share their
 * {@link dev.anchorsweep.run.TrainingSpec}, so their data properties take the same values at every step unless a
 * reactive rule moves one: the first run to reach a step builds each axis's table there (O(classes)), every later
 * run with the same values at that step takes it as it is, and only its O(B) draws remain. A run whose values differ
 * (a rule moved one) builds its own table, the same function of the same inputs, so a run draws the same bits alone
 * or in any pack. A step whose values equal the step before's shares its table. Not thread-safe: one pack, one thread.
 */
public final class SamplingTables {

    /** The most a pack's tables may hold (10,001 steps of ex-1.6's two axes: about 8.6 MB). */
    static final long DEFAULT_BUDGET = 64L << 20;

    private final Map<Object, AliasTable[]> byAxis = new IdentityHashMap<>();
    private final long budget;
    private long bytes;
    private long built;

    /** Tables shared by a pack's runs. */
    public SamplingTables() {
        this(DEFAULT_BUDGET);
    }

    SamplingTables(long budget) {
        this.budget = budget;
    }

    /** Tables that nothing shares: every sampler builds its own (a run outside a pack). */
    public static SamplingTables unshared() {
        return new SamplingTables(0);
    }

    /**
     * The table of {@code axis} at {@code step} if one is kept for {@code values}, the axis's current ones (built now
     * if none is kept for this step yet and the budget allows), else null: the caller builds its own.
     */
    AliasTable at(WeightedAxis axis, int step, double[] values) {
        if (budget == 0) return null;
        AliasTable[] steps = byAxis.get(axis.identity());
        if (steps == null || steps.length <= step) {
            int n = Math.max(step + 1, steps == null ? 1024 : 2 * steps.length);
            steps = steps == null ? new AliasTable[n] : Arrays.copyOf(steps, n);
            byAxis.put(axis.identity(), steps);
        }
        AliasTable kept = steps[step];
        if (kept != null) return Arrays.equals(kept.values, values) ? kept : null;
        AliasTable before = step > 0 ? steps[step - 1] : null;
        if (before != null && Arrays.equals(before.values, values)) return steps[step] = before;
        AliasTable table = axis.newTable();
        if (bytes + table.bytes() > budget) return null;
        axis.build(table);
        built++;
        bytes += table.bytes();
        return steps[step] = table;
    }

    /** Counts a table a sampler built for itself. */
    void builtPrivately() {
        built++;
    }

    /** Tables built so far by the samplers using these tables, shared or their own. */
    public long built() {
        return built;
    }
}
