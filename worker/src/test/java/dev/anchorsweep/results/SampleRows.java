package dev.anchorsweep.results;

import dev.anchorsweep.color.Hsv;
import dev.anchorsweep.color.Rgb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Realistic rows for tests: every nullable column is null in some rows and set in others. */
final class SampleRows {

    static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123Z");

    private SampleRows() {
    }

    static SweepRow sweep(String sweepId, Instant finishedAt, int ok, int failed) {
        return new SweepRow(sweepId, 1, "9f86d081884c7d65", java.util.stream.IntStream.range(0, 10).mapToObj(i -> "r" + i).toList(), "paper isolated", "sweep { name = \"paper isolated\" }\nseeds = [1, 2]", 
                finishedAt == null ? null : "configs/paper.conf", T0, finishedAt, 10, ok, failed, 0, "local[*]", "0.1.0-SNAPSHOT+abc123");
    }

    static RunRow okRun(String sweepId, String runId, double finalLoss) {
        return new RunRow(sweepId, runId, "anchor+separate", 7, RunRow.OK, null, null,
                List.of("anchor", "separate"), Map.of("regularizers", "anchor+separate", "lr", "0.01"),
                5, 16, 2, 1500, 64, "pack-3", 32, 12.5, 0.75, finalLoss, 0.0012, Map.of("anchor", 0.1, "separate", 0.02),
                0.0015, Map.of("recon", 0.0015, "hue_error", 0.03), Map.of("red", 1200L, "vibrant", 3_000_000_000L),
                Map.of("suppress-red", 0.93, "repel-red", Double.NaN),
                "suppress-red", 0.93, Map.of("recon", 0.0015, "anchor", 0.004), List.of(1.0, 0.0, 0.0, 0.0, 0.0),
                "{\"arm\":\"anchor+separate\",\"seed\":7}", "0.1.0-SNAPSHOT+abc123", "node-1", "Eclipse Adoptium 17.0.12",
                T0.plusSeconds(5), T0.plusSeconds(19), 0, 1, "fused", null, null,
                "red", false, Map.of("baseline", 0.0002, "suppress-red", 0.31), "cyan", Map.of("baseline", 0.0001, "suppress-red", 0.0004));
    }

    static RunRow failedRun(String sweepId, String runId) {
        return new RunRow(sweepId, runId, "baseline", 8, RunRow.FAILED, "loss became NaN at step 42", 42,
                List.of(), Map.of(), 4, 16, 1, 1500, 64, "pack-4", 1, 0.5, 0, null, null, Map.of(),
                null, Map.of(), Map.of(), Map.of(), null, null, Map.of(), null, "{\"arm\":\"baseline\",\"seed\":8}", "0.1.0-SNAPSHOT+abc123",
                "node-2", "Eclipse Adoptium 17.0.12", T0, T0.plusMillis(700), 1, 2, "samediff", null, null,
                null, false, Map.of(), null, Map.of());
    }

    /**
     * A realistic run: {@code histories} logged steps; {@code evaluations} rows = interventions × a 10×10×10 colour
     * grid; {@code latents} colours, one latents row (snapshot
     * step) per 8,000 of them. Model outputs and latents are noisy (unique values).
     */
    static RunRows run(String sweepId, String runId, int histories, int evaluations, int latents, double finalLoss) {
        Random random = new Random(runId.hashCode() * 31L + histories);
        List<HistoryRow> history = new ArrayList<>();
        for (int i = 0; i < histories; i++) {
            Map<String, Double> validation = i % 10 == 0 ? Map.of("recon", random.nextDouble(), "hue_error", random.nextDouble()) : Map.of();
            history.add(new HistoryRow(sweepId, runId, i * 10, 0.01 * (1 - i / (double) histories),
                    Map.of("anchor", 0.1, "separate", i / (double) histories),
                    Map.of("recon", random.nextDouble(), "total", random.nextDouble(), "anchor", random.nextDouble(), "separate", random.nextDouble()),
                    validation));
        }
        String[] interventions = {EvaluationRow.BASELINE, "suppress-red", "repel-red", "ablate-0", "ablate-1"};
        List<EvaluationRow> evals = new ArrayList<>();
        for (int i = 0; i < evaluations; i++) {
            int index = i % GRID;
            Rgb rgb = gridColour(index);
            Hsv hsv = rgb.toHsv();
            evals.add(new EvaluationRow(sweepId, runId, interventions[(i / GRID) % interventions.length], "grid-10", index,
                    index % 111 == 0 ? "grey-" + index : null, rgb.r(), rgb.g(), rgb.b(), hsv.h(), hsv.s(), hsv.v(),
                    clamp(rgb.r() + random.nextGaussian() * 0.02), clamp(rgb.g() + random.nextGaussian() * 0.02),
                    clamp(rgb.b() + random.nextGaussian() * 0.02), random.nextDouble() * 0.001, index % 4 == 0 ? null : random.nextDouble()));
        }
        List<LatentRow> latentRows = new ArrayList<>();
        for (int first = 0; first < latents; first += LATENT_SET) {
            int n = Math.min(LATENT_SET, latents - first);
            double[] r = new double[n], g = new double[n], b = new double[n];
            double[][] z = new double[n][];
            for (int i = 0; i < n; i++) {
                Rgb rgb = gridColour(i % GRID);
                r[i] = rgb.r();
                g[i] = rgb.g();
                b[i] = rgb.b();
                z[i] = new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            }
            latentRows.add(new LatentRow(sweepId, runId, first / LATENT_SET * 150, EvaluationRow.BASELINE, "grid-10", r, g, b, z));
        }
        return new RunRows(okRun(sweepId, runId, finalLoss), history, evals, latentRows);
    }

    private static final int GRID = 1000;
    /** Colours per latents row (snapshot), as many as the latent cube's. */
    private static final int LATENT_SET = 8000;

    private static Rgb gridColour(int index) {
        return new Rgb(index / 100 / 9.0, index / 10 % 10 / 9.0, index % 10 / 9.0);
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
