package dev.anchorsweep.driver;

import dev.anchorsweep.job.RunTicket;
import dev.anchorsweep.sweep.SweepPlan;
import dev.anchorsweep.sweep.SweepPlanner;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackerTest {

    static List<RunTicket> tickets(String config) {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("configs/paper"))) p = p.getParent();
        SweepPlan plan = SweepPlanner.load(p.resolve(config));
        return plan.runs().stream().map(r -> new RunTicket(plan.name(), r.runId(), r.arm(), r.axes(), r.spec())).toList();
    }

    @Test
    void everyRunOnceInPacksOfOneShapeAndAtMostPRuns() {
        List<RunTicket> runs = tickets("configs/paper/all.conf");
        for (int p : List.of(1, 7, 32, 64, 128)) {
            List<Pack> packs = Packer.pack(runs, p, 2);
            Set<String> seen = new HashSet<>();
            for (Pack pack : packs) {
                assertTrue(pack.runs().size() <= p, "pack of " + pack.runs().size() + " > " + p);
                assertEquals(1, pack.runs().stream().map(r -> r.spec().packShape()).distinct().count());
                pack.runs().forEach(r -> assertTrue(seen.add(r.runId()), "run twice: " + r.runId()));
            }
            assertEquals(runs.size(), seen.size());
        }
    }

    @Test
    void theMakespanIsCloseToAnEvenSplitOverTheSlots() {
        List<RunTicket> runs = tickets("configs/paper/all.conf");
        for (int slots : List.of(2, 3, 8)) {
            List<Pack> packs = Packer.pack(runs, 64, slots);
            assertTrue(packs.size() >= slots, packs.size() + " packs for " + slots + " slots");
            double total = 0;
            double[] load = new double[slots];
            for (Pack pack : packs) { // Spark hands tasks out in this order to the first free slot
                double c = PackCost.DEFAULT.of(pack.runs().get(0).spec().packShape(), pack.runs().size());
                total += c;
                int min = 0;
                for (int s = 1; s < slots; s++) if (load[s] < load[min]) min = s;
                load[min] += c;
            }
            double span = java.util.Arrays.stream(load).max().orElseThrow();
            assertTrue(span <= 1.10 * total / slots, "makespan " + span + " vs even split " + total / slots
                    + " on " + slots + " slots with packs " + packs.stream().map(p -> p.runs().size()).toList());
        }
    }

    @Test
    void fewRunsStillFillTheSlots() {
        List<RunTicket> runs = tickets("configs/quickstart.conf");
        assertEquals(2, Packer.pack(runs, 64, 2).size());
        assertEquals(8, Packer.pack(runs, 64, 16).size());
    }
}
