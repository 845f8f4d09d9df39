package dev.anchorsweep.fused;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stored-lanes sum is the vector sum's tree: the same bits for any values, wherever they are stored. */
class LanesTest {

    @Test
    void theStoredSumHasTheBitsOfTheVectorSum() {
        SplittableRandom random = new SplittableRandom(7);
        int n = Lanes.LENGTH;
        float[] lanes = new float[3 * n];
        for (int t = 0; t < 20_000; t++) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3));
            }
            float expected = Lanes.sum(FloatVector.fromArray(Lanes.SPECIES, v, 0));
            int from = random.nextInt(2 * n + 1);
            System.arraycopy(v, 0, lanes, from, n);
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(Lanes.sumStored(lanes, from)),
                    "lanes " + java.util.Arrays.toString(v));
        }
    }

    @Test
    void theStoredSumIsNotTheLeftToRightSum() {
        // 1e8 then fours: left to right, each 4 is half an ulp of 1e8 and rounds away; pairwise, the fours add up first
        int n = Lanes.LENGTH;
        float[] v = new float[n];
        v[0] = 1e8f;
        for (int i = 1; i < n; i++) v[i] = 4f;
        float sequential = 0;
        for (float x : v) sequential += x;
        float[] lanes = v.clone();
        float pairwise = Lanes.sumStored(lanes, 0);
        assertEquals(n >= 8, Float.floatToIntBits(sequential) != Float.floatToIntBits(pairwise),
                "sequential " + sequential + ", pairwise " + pairwise);
    }
}
