package dev.anchorsweep.analysis.chart;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A run's latents over training, ready to draw: its title, the views (each with its fixed frame over every
 * snapshot), the snapshots by step (samples in {@link LatentPanel#drawingOrder(List) drawing order}) and its timeline.
 */
public record LatentEvolution(String title, List<LatentFrame> views, NavigableMap<Integer, List<LatentSample>> snapshots,
                              Timeline timeline) {

    public LatentEvolution {
        if (snapshots.isEmpty()) throw new IllegalArgumentException("a latent evolution needs a snapshot: " + title);
        snapshots = new TreeMap<>(snapshots);
    }

    /** The snapshot shown at {@code step}: the latest one at or before it, else the first. */
    public Map.Entry<Integer, List<LatentSample>> at(int step) {
        Map.Entry<Integer, List<LatentSample>> e = snapshots.floorEntry(step);
        return e != null ? e : snapshots.firstEntry();
    }
}
