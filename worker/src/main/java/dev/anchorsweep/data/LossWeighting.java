package dev.anchorsweep.data;

import java.util.Arrays;
import java.util.List;

/** Whether each sample's loss is weighted by its colour's curriculum weight (ex-1.6). */
public enum LossWeighting {
    /** A plain mean over the batch. */
    NONE("none"),
    /**
     * Per-sample terms reduced as Σ ŵ_i·ℓ_i / B, ŵ the drawn colours' curriculum weights (without the bias)
     * normalised to sum 1 in the batch, or 1/B each where they sum to ≤ 1e-6 (the reference's
     * {@code weighted_collate_fn}); terms of the whole batch (e.g. separation) are not weighted.
     */
    SAMPLING("sampling");

    private final String configName;

    LossWeighting(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(LossWeighting::configName).toList();
    }

    public static LossWeighting fromConfigName(String name) {
        return Arrays.stream(values()).filter(w -> w.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown loss weighting '" + name + "'; valid: "
                        + configNames()));
    }
}
