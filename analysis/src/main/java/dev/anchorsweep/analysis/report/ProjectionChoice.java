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
}
