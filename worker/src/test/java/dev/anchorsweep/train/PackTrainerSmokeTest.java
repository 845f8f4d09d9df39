package dev.anchorsweep.train;

import org.junit.jupiter.api.Test;

import java.util.List;

class PackTrainerSmokeTest {
    @Test
    void trains() {
        for (int rep = 0; rep < 2; rep++) {
            long t0 = System.nanoTime();
            List<TrainedRun> out = new PackTrainer().train(List.of(PaperRuns.isolated(0, 1501)));
            System.out.printf("P=1 seconds=%.2f failure=%s final=%s val=%s labels=%s%n", (System.nanoTime() - t0) / 1e9,
                    out.get(0).failure(), out.get(0).finalLosses(), out.get(0).finalValidation(), out.get(0).labelCounts());
        }
    }
}
