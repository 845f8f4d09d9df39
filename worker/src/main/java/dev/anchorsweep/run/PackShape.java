package dev.anchorsweep.run;

import dev.anchorsweep.model.Architecture;

import java.util.List;

/** The settings every run of a pack shares: one pack holds models of one architecture trained in lockstep. */
public record PackShape(Architecture architecture, TrainingSpec training) implements java.io.Serializable {

    /** The shape of the pack {@code runs} make; throws when they do not share one. */
    public static PackShape of(List<RunSpec> runs) {
        PackShape shape = runs.get(0).packShape();
        for (RunSpec r : runs) {
            if (!r.packShape().equals(shape)) {
                throw new IllegalArgumentException("runs of a pack must share architecture and training settings, but "
                        + r.packShape() + " differs from " + shape);
            }
        }
        return shape;
    }
}
