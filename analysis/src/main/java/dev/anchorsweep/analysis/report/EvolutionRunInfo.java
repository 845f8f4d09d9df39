package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.chart.Timeline;
import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An ok run whose latents were recorded at 3 or more steps or whose config names phases (report/timeline_runs.sql):
 * what the evolution section needs to choose and draw it, and the phases its timeline marks.
 */
public record EvolutionRunInfo(String arm, long seed, String runId, Map<String, String> axes, int steps,
                               double[] conceptDirection, String latentSet, List<Integer> snapshotSteps,
                               List<Timeline.Phase> phases) {

    /** The grid axis of named variants (runs.axes key). */
    static final String VARIANT_AXIS = "variant";

    static List<EvolutionRunInfo> of(QueryResult result) {
        List<EvolutionRunInfo> out = new ArrayList<>();
        for (ResultRow r : ResultRow.all(result)) {
            List<Integer> snapshots = new ArrayList<>();
            Object s = r.get("snapshot_steps");
            if (s instanceof List<?> list) list.forEach(x -> snapshots.add(((Number) x).intValue()));
            List<Timeline.Phase> phases = new ArrayList<>();
            if (r.get("phases") instanceof List<?> list) {
                for (Object p : list) {
                    List<?> pair = (List<?>) p;
                    if (pair.size() < 2 || pair.get(0) == null) continue;
                    phases.add(new Timeline.Phase((int) Double.parseDouble(pair.get(0).toString()),
                            String.valueOf(pair.get(1))));
                }
            }
            out.add(new EvolutionRunInfo(r.string("arm"), r.integer("seed"), r.string("run_id"), r.texts("axes"),
                    (int) r.integer("steps"), r.doubles("concept_direction"), r.string("latent_set"), snapshots,
                    phases));
        }
        return out;
    }

    /** Whether its latents were recorded at 3 or more steps: its evolution can be shown. */
    boolean evolves() {
        return snapshotSteps.size() >= 3 && latentSet != null;
    }

    /** The latent dim the concept is anchored to: the largest entry of its direction, else 0. */
    int conceptDim() {
        if (conceptDirection == null || conceptDirection.length == 0) return 0;
        int best = 0;
        for (int i = 1; i < conceptDirection.length; i++) {
            if (Math.abs(conceptDirection[i]) > Math.abs(conceptDirection[best])) best = i;
        }
        return best;
    }

    /** The run's grid axes without its variant: runs with equal keys (and seeds) differ only by their variant. */
    Map<String, String> axesBesidesVariant() {
        Map<String, String> out = new java.util.TreeMap<>(axes);
        out.remove(VARIANT_AXIS);
        return out;
    }
}
