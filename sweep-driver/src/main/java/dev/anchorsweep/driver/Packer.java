package dev.anchorsweep.driver;

import dev.anchorsweep.job.RunTicket;
import dev.anchorsweep.run.PackShape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs runs for training: runs of one shape (architecture and training settings) into packs of at most P runs,
 * sizes balanced within a shape. How many packs each shape gets is chosen to minimise the sweep's makespan on the
 * task slots under {@link PackCost}, with packs handed out largest first (what Spark does with tasks in partition
 * order: longest-processing-time-first), and at least one pack per slot when there are enough runs.
 */
public final class Packer {

    private static final int MAX_COMBINATIONS = 50_000;

    private Packer() {
    }

    public static List<Pack> pack(List<RunTicket> runs, int maxPackSize, int slots) {
        return pack(runs, maxPackSize, slots, PackCost.DEFAULT);
    }

    static List<Pack> pack(List<RunTicket> runs, int maxPackSize, int slots, PackCost cost) {
        if (maxPackSize < 1) throw new IllegalArgumentException("pack size must be ≥ 1, but got " + maxPackSize);
        if (slots < 1) throw new IllegalArgumentException("task slots must be ≥ 1, but got " + slots);
        Map<PackShape, List<RunTicket>> byShape = new LinkedHashMap<>();
        for (RunTicket r : runs) byShape.computeIfAbsent(r.spec().packShape(), s -> new ArrayList<>()).add(r);
        List<PackShape> shapes = new ArrayList<>(byShape.keySet());
        int groups = shapes.size();
        if (groups == 0) return List.of();

        int[] least = new int[groups], most = new int[groups];
        long combinations = 1;
        for (int g = 0; g < groups; g++) {
            int n = byShape.get(shapes.get(g)).size();
            least[g] = ceilDiv(n, maxPackSize);
            most[g] = Math.min(n, least[g] + slots);
            combinations *= most[g] - least[g] + 1;
        }
        int[] best = least.clone();
        if (combinations <= MAX_COMBINATIONS) {
            double bestSpan = Double.MAX_VALUE;
            int[] k = least.clone();
            while (true) {
                double span = makespan(shapes, byShape, k, slots, cost, runs.size());
                if (span < bestSpan - 1e-9) {
                    bestSpan = span;
                    best = k.clone();
                }
                int g = 0;
                while (g < groups && k[g] == most[g]) k[g] = least[g++];
                if (g == groups) break;
                k[g]++;
            }
        }
        List<Pack> packs = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            for (List<RunTicket> part : split(byShape.get(shapes.get(g)), best[g])) packs.add(new Pack("", part));
        }
        packs.sort(Comparator.comparingDouble((Pack p) -> cost.of(p.runs().get(0).spec().packShape(), p.runs().size()))
                .reversed());
        List<Pack> named = new ArrayList<>();
        for (int i = 0; i < packs.size(); i++) named.add(new Pack(String.format("pack-%03d", i), packs.get(i).runs()));
        return named;
    }

    /** LPT makespan of splitting each shape into k[g] balanced packs; infinite if fewer packs than usable slots. */
    private static double makespan(List<PackShape> shapes, Map<PackShape, List<RunTicket>> byShape, int[] k,
                                   int slots, PackCost cost, int runs) {
        List<Double> costs = new ArrayList<>();
        for (int g = 0; g < shapes.size(); g++) {
            int n = byShape.get(shapes.get(g)).size();
            for (int i = 0; i < k[g]; i++) {
                int size = n / k[g] + (i < n % k[g] ? 1 : 0);
                costs.add(cost.of(shapes.get(g), size));
            }
        }
        if (costs.size() < Math.min(slots, runs)) return Double.MAX_VALUE;
        costs.sort(Comparator.reverseOrder());
        double[] load = new double[slots];
        for (double c : costs) {
            int min = 0;
            for (int s = 1; s < slots; s++) if (load[s] < load[min]) min = s;
            load[min] += c;
        }
        // prefer fewer packs on ties: each extra pack costs a graph build and a session
        return Arrays.stream(load).max().orElse(0) + 1e-6 * costs.size();
    }

    /** n nearly equal consecutive parts (sizes differ by at most one). */
    static List<List<RunTicket>> split(List<RunTicket> runs, int n) {
        List<List<RunTicket>> parts = new ArrayList<>();
        int base = runs.size() / n, extra = runs.size() % n, from = 0;
        for (int i = 0; i < n; i++) {
            int size = base + (i < extra ? 1 : 0);
            parts.add(runs.subList(from, from + size));
            from += size;
        }
        return parts;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
