package dev.anchorsweep.train;

import java.util.SplittableRandom;

/**
 * The independent random streams of one run, derived from its seed alone, so that a run draws the same initial
 * weights and batches whether it is trained alone or inside any pack.
 */
public enum RunRandom {
    INIT(0x1A2B3C4DL), BATCHES(0x5E6F7081L);

    private final long stream;

    RunRandom(long stream) {
        this.stream = stream;
    }

    public SplittableRandom forSeed(long seed) {
        // SplittableRandom's algorithm is specified, so a stream is the same on every JVM
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream);
    }
}
