package dev.anchorsweep.data;

import dev.anchorsweep.identity.Canonical;

import java.util.Map;

/**
 * What a run trains on and how its batches are drawn ({@code training.data}): the colour sets, their sampling weights
 * and curriculum. {@link #DEFAULT} is the paper's: colours uniformly with replacement from the RGB training grid.
 * (Skeleton: the data helper fills this in.)
 */
public record TrainingData() implements Canonical, java.io.Serializable {

    /** Uniform sampling from the RGB training grid ({@code training.grid}), as before this setting existed. */
    public static final TrainingData DEFAULT = new TrainingData();

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    @Override
    public Object canonicalForm() {
        return Map.of();
    }
}
