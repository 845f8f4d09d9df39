package dev.anchorsweep.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which of a run's snapshot steps a figure shows: the phase-history figure's thumbnails at geometric steps (early
 * training changes fast, late training slowly), an animation's frames spread evenly over the snapshots.
 */
public final class SnapshotPick {

    private SnapshotPick() {
    }

    /**
     * Up to {@code count} steps of {@code available}: step 0 when it is a snapshot, and for the rest the snapshot
     * nearest (in log step) to each point of a geometric sequence from the first nonzero snapshot to the last, each
     * step once, ascending. E.g. snapshots every 200 steps to 10,000 and 10 thumbnails: 0, then the snapshots nearest
     * to 200 · 50^(i/8): 200, 400, 600, 800, 1400, 2400, 3800, 6200, 10000.
     */
    public static List<Integer> geometric(List<Integer> available, int count) {
        TreeSet<Integer> steps = new TreeSet<>(available);
        TreeSet<Integer> out = new TreeSet<>();
        if (count <= 0 || steps.isEmpty()) return List.of();
        List<Integer> nonzero = steps.stream().filter(s -> s > 0).toList();
        int geometric = count;
        if (steps.first() == 0) {
            out.add(0);
            geometric--;
        }
        if (nonzero.isEmpty() || geometric <= 0) return new ArrayList<>(out);
        double first = nonzero.get(0), last = nonzero.get(nonzero.size() - 1);
        for (int i = 0; i < geometric; i++) {
            double target = geometric == 1 ? last : first * Math.pow(last / first, (double) i / (geometric - 1));
            int best = nonzero.get(0);
            for (int s : nonzero) {
                if (Math.abs(Math.log(s / target)) < Math.abs(Math.log(best / target))) best = s;
            }
            out.add(best);
        }
        return new ArrayList<>(out);
    }

    /** At most {@code max} of the steps, evenly spread by position and always with the first and the last. */
    public static List<Integer> even(List<Integer> available, int max) {
        List<Integer> steps = new ArrayList<>(new TreeSet<>(available));
        if (steps.size() <= max) return steps;
        TreeSet<Integer> out = new TreeSet<>();
        for (int i = 0; i < max; i++) out.add(steps.get((int) Math.round((double) i * (steps.size() - 1) / (max - 1))));
        return new ArrayList<>(out);
    }
}
