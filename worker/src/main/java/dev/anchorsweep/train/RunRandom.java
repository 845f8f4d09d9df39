package dev.anchorsweep.train;

import java.util.SplittableRandom;

/**
 * The independent random streams of one run, derived from its seed alone, so that a run draws the same initial
 * weights and batches whether it is trained alone or inside any pack.
 *
 * <p>The generator's state is a strong hash of (seed, stream): SplittableRandom advances its state by a fixed
 * increment, so seeding it with anything linear in the seed would make run s's stream run 0's shifted by s draws.
 */
public enum RunRandom {
    INIT(0x1A2B3C4DL), BATCHES(0x5E6F7081L);

    private final long stream;

    RunRandom(long stream) {
        this.stream = stream;
    }

    public SplittableRandom forSeed(long seed) {
        // SplittableRandom's algorithm is specified, so a stream is the same on every JVM
        return new SplittableRandom(mix64(mix64(seed) ^ mix64(stream)));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser (the mixer of SplitMix64). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
