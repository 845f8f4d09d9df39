package dev.anchorsweep.intervention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.anchorsweep.color.ColorSet;
import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.model.Autoencoder;
import dev.anchorsweep.model.ModelWeights;
import dev.anchorsweep.model.RandomWeights;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AblationMatchesPruningTest {

    @ParameterizedTest
    @CsvSource({"5, 2, 0", "5, 2, 3", "5, 2, '0 1'", "4, 1, 0", "4, 1, '0 1'", "4, 1, '1 3'"})
    void ablatedModelComputesWhatThePrunedOneDoes(int k, int n, String dimList) {
        int[] dims = Arrays.stream(dimList.split(" ")).mapToInt(Integer::parseInt).toArray();
        ModelWeights weights = RandomWeights.of(new Architecture(k, 16, n, true, false), 31L * k + n);
        var ablated = new Autoencoder(new Ablation(dims).apply(weights));
        var pruned = new Autoencoder(new Pruning(dims).apply(weights));
        var original = new Autoencoder(weights);
        ColorSet grid = ColorSets.rgbGrid();
        var a = ablated.forward(grid, null);
        var p = pruned.forward(grid, null);
        var o = original.forward(grid, null);
        double maxChange = 0;
        for (int i = 0; i < grid.size(); i++) {
            assertArrayEquals(p.outputs()[i], a.outputs()[i], 1e-9, "colour " + grid.color(i));
            double[] kept = new double[k - dims.length];
            for (int d = 0, m = 0; d < k; d++) {
                if (contains(dims, d)) assertEquals(0.0, a.latents()[i][d], "ablated dim " + d);
                else kept[m++] = a.latents()[i][d];
            }
            assertArrayEquals(p.latents()[i], kept, 1e-12);
            for (int c = 0; c < 3; c++) maxChange = Math.max(maxChange, Math.abs(o.outputs()[i][c] - a.outputs()[i][c]));
        }
        // and ablation did change the model
        assertTrue(maxChange > 1e-3, "max change " + maxChange);
    }

    private static boolean contains(int[] dims, int d) {
        return Arrays.stream(dims).anyMatch(x -> x == d);
    }
}
