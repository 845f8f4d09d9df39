package dev.anchorsweep.analysis.adaptive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rounds of an adaptive sweep: which seeds each arm has in the current round, and after the round's outcomes,
 * which arms stop. Round 1 gives every arm seeds 0 … start − 1; after each round an arm stops when
 * <ol>
 * <li>{@code width}: its interval's width is at most the rule's width, else</li>
 * <li>{@code max}: it has the rule's most seeds, else</li>
 * <li>{@code pareto} (only with pareto-only): its interval lies entirely on the worse side of the best arm's — for a
 * metric where higher is better, its upper bound is below the largest lower bound of any arm (for a loss: its lower
 * bound above the smallest upper bound), so with one outcome it can no longer be on the Pareto front (be the best);</li>
 * </ol>
 * the others add the next {@code step} seeds (at most up to max). An arm that stopped stays stopped. Pure: the same
 * outcomes give the same rounds, which is how a rerun finds the round to resume at.
 */
public final class SeedRounds {

    private final SeedRule rule;
    private final Map<String, Integer> seeds = new LinkedHashMap<>();
    private final Map<String, ArmStatus> statuses = new LinkedHashMap<>();
    private int round = 1;

    public SeedRounds(SeedRule rule, List<String> arms) {
        this.rule = rule;
        for (String arm : arms) seeds.put(arm, rule.start());
    }

    /** The current round, from 1. */
    public int round() {
        return round;
    }

    /** The seeds every arm has in the current round (arms that stopped keep theirs), in arm order. */
    public Map<String, Integer> seeds() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seeds));
    }

    public int seeds(String arm) {
        return seeds.get(arm);
    }

    public List<String> arms() {
        return List.copyOf(seeds.keySet());
    }

    /** Whether every arm has stopped. */
    public boolean done() {
        return !statuses.isEmpty() && statuses.values().stream().noneMatch(ArmStatus::needsMore);
    }

    /** The arms' statuses after the latest round (empty before the first). */
    public List<ArmStatus> statuses() {
        return List.copyOf(statuses.values());
    }

    /**
     * Ends the current round: decides every arm from {@code values} (per arm, the metric of its ok runs among its
     * current seeds, in seed order; an arm absent has none) and moves the arms that need more to the next round.
     */
    public List<ArmStatus> decide(Map<String, double[]> values) {
        List<ArmStatus> decided = decide(rule, seeds, values, statuses);
        statuses.clear();
        for (ArmStatus s : decided) {
            statuses.put(s.arm(), s);
            if (s.needsMore()) seeds.put(s.arm(), Math.min(rule.max(), s.seeds() + rule.step()));
        }
        round++;
        return decided;
    }

    /** The arms that need more seeds now, and the runs the next round adds for them. */
    public int runsToAdd() {
        int added = 0;
        for (ArmStatus s : statuses.values()) if (s.needsMore()) added += seeds.get(s.arm()) - s.seeds();
        return added;
    }

    /** The stopping rule for one round, on its own (see the class comment). */
    static List<ArmStatus> decide(SeedRule rule, Map<String, Integer> seeds, Map<String, double[]> values,
                                  Map<String, ArmStatus> before) {
        List<ArmStatus> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : seeds.entrySet()) {
            String arm = e.getKey();
            ArmStatus earlier = before.get(arm);
            MedianInterval interval = MedianInterval.of(values.getOrDefault(arm, new double[0]), rule.confidence(),
                    rule.resamples());
            ArmStatus.Stop stop = earlier != null && !earlier.needsMore() ? earlier.stop()
                    : interval.width() <= rule.width() ? ArmStatus.Stop.WIDTH
                    : e.getValue() >= rule.max() ? ArmStatus.Stop.MAX : null;
            out.add(new ArmStatus(arm, e.getValue(), interval, stop));
        }
        if (!rule.paretoOnly()) return out;
        boolean higher = rule.metric().higherIsBetter();
        double best = higher ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (ArmStatus s : out) {
            if (!s.interval().defined()) continue;
            best = higher ? Math.max(best, s.interval().low()) : Math.min(best, s.interval().high());
        }
        List<ArmStatus> pruned = new ArrayList<>();
        for (ArmStatus s : out) {
            boolean worse = s.interval().defined()
                    && (higher ? s.interval().high() < best : s.interval().low() > best);
            pruned.add(s.needsMore() && worse ? new ArmStatus(s.arm(), s.seeds(), s.interval(), ArmStatus.Stop.PARETO) : s);
        }
        return pruned;
    }
}
