package dev.anchorsweep.fused;

import java.util.HashMap;
import java.util.Map;

/**
 * The training networks of a pack, one per batch size its runs use (a full-batch phase trains on its whole colour
 * set, e.g. 12 … 3,600 colours in ex-1.3), built on first use and reused by every run of the pack.
 */
final class Networks {

    private final FusedLayout layout;
    private final Map<Integer, Network> bySize = new HashMap<>();

    Networks(FusedLayout layout) {
        this.layout = layout;
    }

    /** With {@code net} as the network of its batch size. */
    Networks(FusedLayout layout, Network net) {
        this(layout);
        bySize.put(net.batch, net);
    }

    Network of(int batch) {
        return bySize.computeIfAbsent(batch, b -> new Network(layout, b));
    }
}
