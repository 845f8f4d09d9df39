package dev.anchorsweep.driver;

import dev.anchorsweep.job.RunTicket;
import dev.anchorsweep.run.PackShape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs runs for training: runs of one shape (architecture and training settings) into packs of at most P runs,
 * sizes balanced within a shape, and at least as many packs as task slots when there are enough runs, so that every
 * core has work. Packs come out largest cost first (longest-processing-time-first scheduling).
 */
public final class Packer {

    private Packer() {
    }

    public static List<Pack> pack(List<RunTicket> runs, int maxPackSize, int slots) {
        if (maxPackSize < 1) throw new IllegalArgumentException("pack size must be ≥ 1, but got " + maxPackSize);
        Map<PackShape, List<RunTicket>> byShape = new LinkedHashMap<>();
        for (RunTicket r : runs) byShape.computeIfAbsent(r.spec().packShape(), s -> new ArrayList<>()).add(r);

        List<List<RunTicket>> groups = new ArrayList<>(byShape.values());
        int[] packsPerGroup = new int[groups.size()];
        int total = 0;
        for (int g = 0; g < groups.size(); g++) {
            packsPerGroup[g] = ceilDiv(groups.get(g).size(), maxPackSize);
            total += packsPerGroup[g];
        }
        // split the groups with the largest packs until every slot has a pack (or packs are single runs)
        while (total < slots) {
            int widest = -1;
            double widestSize = 1;
            for (int g = 0; g < groups.size(); g++) {
                double size = (double) groups.get(g).size() / packsPerGroup[g];
                if (size > widestSize) {
                    widest = g;
                    widestSize = size;
                }
            }
            if (widest < 0) break;
            packsPerGroup[widest]++;
            total++;
        }
        List<List<RunTicket>> packs = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) packs.addAll(split(groups.get(g), packsPerGroup[g]));

        List<Pack> out = new ArrayList<>();
        for (List<RunTicket> p : packs) out.add(new Pack("", p));
        out.sort(Comparator.comparingDouble(Pack::cost).reversed());
        List<Pack> named = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) named.add(new Pack(String.format("pack-%03d", i), out.get(i).runs()));
        return named;
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
