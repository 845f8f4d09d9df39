package dev.anchorsweep.run;

import dev.anchorsweep.model.Architecture;

/** The settings every run of a pack shares: one SameDiff graph holds models of one architecture trained in lockstep. */
public record PackShape(Architecture architecture, TrainingSpec training) implements java.io.Serializable {
}
