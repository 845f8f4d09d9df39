package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.chart.Projection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The two views of a run's latent space that show its anchored dim: the concept's dim against the other dim that
 * varies most, then the two most varying other dims (what the rest of the colours do beside the concept's axis).
 */
public final class ProjectionChoice {

    private ProjectionChoice() {
    }

    public static List<Projection> choose(int conceptDim, double[] variance) {
        int k = variance.length;
        if (k < 2) return List.of();
        int anchor = conceptDim < k ? conceptDim : 0;
        List<Integer> others = new ArrayList<>(IntStream.range(0, k).filter(d -> d != anchor).boxed().toList());
        others.sort(Comparator.comparingDouble((Integer d) -> -variance[d]).thenComparing(d -> d));
        List<Projection> out = new ArrayList<>();
        out.add(new Projection(anchor, others.get(0)));
        if (others.size() >= 2) {
            int a = others.get(0), b = others.get(1);
            out.add(new Projection(Math.min(a, b), Math.max(a, b)));
        }
        return out;
    }

    /**
     * The three views of an animation and of the phase-history figure (the reference's dims 1–0, 1–2, 1–3): the
     * concept's dim against each of the three most varying other dims (in dim order); with only two other dims, the
     * concept's dim against each and the two against each other; with one, the single view.
     */
    public static List<Projection> three(int conceptDim, double[] variance) {
        int k = variance.length;
        if (k < 2) return List.of();
        int anchor = conceptDim < k ? conceptDim : 0;
        List<Integer> others = new ArrayList<>(IntStream.range(0, k).filter(d -> d != anchor).boxed().toList());
        others.sort(Comparator.comparingDouble((Integer d) -> -variance[d]).thenComparing(d -> d));
        List<Integer> top = new ArrayList<>(others.subList(0, Math.min(3, others.size())));
        top.sort(Comparator.naturalOrder());
        List<Projection> out = new ArrayList<>();
        for (int d : top) out.add(new Projection(anchor, d));
        if (top.size() == 2) out.add(new Projection(top.get(0), top.get(1)));
        return out;
    }
}
