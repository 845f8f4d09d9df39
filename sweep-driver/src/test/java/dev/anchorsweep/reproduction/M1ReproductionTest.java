package dev.anchorsweep.reproduction;

import dev.anchorsweep.color.ColorSet;
import dev.anchorsweep.color.Hsv;
import dev.anchorsweep.color.Rgb;
import dev.anchorsweep.model.Autoencoder;
import dev.anchorsweep.run.NamedPhase;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.sweep.PlannedRun;
import dev.anchorsweep.sweep.SweepPlanner;
import dev.anchorsweep.train.HistoryPoint;
import dev.anchorsweep.train.TrainedRun;
import dev.anchorsweep.train.TrainerFactory;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference's qualitative M1 results (M1-SPEC, issue 11) from the shipped configs/m1 sweeps, trained in full with
 * the fused engine on two seeds each (the configs' first two; a few seconds per run):
 * 1.3 and 1.5 put the fully saturated hues on a circle in dims 0–1, in hue order, with value in the other dims; 1.7
 * puts red near (1, 0, 0, 0) (cosine to e₀ > 0.9, z₀ within 0.2 of 1) and the vibrant hues in the plane of dims 0–1; 1.6's stepped curriculum spikes the loss
 * at its phase changes, the smooth one does not.
 */
class M1ReproductionTest {

    private static final int SEEDS = 2;

    @Test
    void curriculum_1_3_putsHuesOnACircleInOrderAndValueInTheThirdDim() {
        for (TrainedRun run : train("ex-1.3.conf", "base")) {
            assertHueCircle(run);
            assertValueOutsidePlane(run);
        }
    }

    @Test
    void anchoring_1_5_putsHuesOnACircleInOrderAndValueOutsideThePlane() {
        for (TrainedRun run : train("ex-1.5.conf", "base")) {
            assertHueCircle(run);
            assertValueOutsidePlane(run);
        }
    }

    @Test
    void sparseLabels_1_7_putRedAtItsAnchorAndVibrantHuesInThePlane() {
        for (TrainedRun run : train("ex-1.7.conf", "base")) {
            double[] red = latents(run, List.of(new Rgb(1, 0, 0)))[0];
            double cosine = red[0] / Math.sqrt(square(red[0]) + square(red[1]) + square(red[2]) + square(red[3]));
            assertTrue(cosine > 0.9 && Math.abs(red[0] - 1) < 0.2, "seed " + run.spec().seed() + ": red's latent "
                    + Arrays.toString(red) + " is not near (1, 0, 0, 0): cosine " + cosine);
            double outOfPlane = 0;
            double[][] hues = latents(run, saturatedHues(12, 1));
            for (double[] z : hues) outOfPlane += (square(z[2]) + square(z[3])) / (square(z[0]) + square(z[1]) + square(z[2]) + square(z[3]));
            outOfPlane /= hues.length;
            assertTrue(outOfPlane < 0.1, "seed " + run.spec().seed() + ": vibrant hues keep " + outOfPlane
                    + " of their squared norm outside dims 0–1");
            assertHueCircle(run);
        }
    }

    @Test
    void smoothVsStepped_1_6_onlyTheSteppedCurriculumSpikesAtPhaseChanges() {
        List<TrainedRun> smooth = train("ex-1.6.conf", "smooth");
        List<TrainedRun> stepped = train("ex-1.6.conf", "stepped");
        for (int s = 0; s < SEEDS; s++) {
            double smoothSpike = largestSpike(smooth.get(s));
            double steppedSpike = largestSpike(stepped.get(s));
            assertTrue(steppedSpike > 5 && steppedSpike > 5 * smoothSpike, "seed " + s + ": largest loss spike at a "
                    + "phase change is " + steppedSpike + " stepped against " + smoothSpike + " smooth");
        }
    }

    /** The 12 fully saturated hues lie around dims 0–1 in hue order, at similar radii. */
    private static void assertHueCircle(TrainedRun run) {
        double[][] z = latents(run, saturatedHues(12, 1));
        double[] angle = new double[z.length];
        double minRadius = Double.MAX_VALUE;
        double maxRadius = 0;
        for (int k = 0; k < z.length; k++) {
            angle[k] = Math.atan2(z[k][1], z[k][0]);
            double r = Math.hypot(z[k][0], z[k][1]);
            minRadius = Math.min(minRadius, r);
            maxRadius = Math.max(maxRadius, r);
        }
        int positive = 0;
        for (int k = 0; k < z.length; k++) {
            double d = angle[(k + 1) % z.length] - angle[k];
            d = Math.atan2(Math.sin(d), Math.cos(d));
            if (d > 0) positive++;
        }
        String seed = "seed " + run.spec().seed() + ": ";
        assertTrue(positive == 0 || positive == z.length, seed + "the hues are not in hue order around dims 0–1: "
                + positive + " of 12 steps turn one way");
        assertTrue(minRadius > 0.5 * maxRadius, seed + "hue radii in dims 0–1 range " + minRadius + " – " + maxRadius);
    }

    /** Value (brightness) of the saturated hues is carried by the dims other than 0–1: a linear fit explains it. */
    private static void assertValueOutsidePlane(TrainedRun run) {
        List<Rgb> colors = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int v = 0; v < 5; v++) {
            double value = 0.2 + 0.2 * v;
            colors.addAll(saturatedHues(12, value));
            for (int k = 0; k < 12; k++) values.add(value);
        }
        double[][] z = latents(run, colors);
        int k = z[0].length;
        double[][] x = new double[z.length][];
        for (int i = 0; i < z.length; i++) x[i] = Arrays.copyOfRange(z[i], 2, k);
        double r2 = rSquared(x, values.stream().mapToDouble(Double::doubleValue).toArray());
        assertTrue(r2 > 0.6, "seed " + run.spec().seed() + ": a linear fit on dims 2.." + (k - 1)
                + " explains only R² = " + r2 + " of the value");
    }

    /**
     * The largest ratio, over the run's phase changes, of the largest total loss within 100 steps after the change to
     * the median total loss within 100 steps before it (the definition of the report's {@code loss_spikes} view).
     */
    private static double largestSpike(TrainedRun run) {
        List<HistoryPoint> history = run.history().stream().filter(h -> h.losses().containsKey("total")).toList();
        double largest = 0;
        for (NamedPhase phase : run.spec().training().phases()) {
            int s = phase.step();
            if (s == 0) continue;
            double[] before = history.stream().filter(h -> h.step() >= s - 100 && h.step() < s)
                    .mapToDouble(h -> h.losses().get("total")).sorted().toArray();
            double after = history.stream().filter(h -> h.step() >= s && h.step() < s + 100)
                    .mapToDouble(h -> h.losses().get("total")).max().orElseThrow();
            double median = before.length % 2 == 1 ? before[before.length / 2]
                    : (before[before.length / 2 - 1] + before[before.length / 2]) / 2;
            largest = Math.max(largest, after / median);
        }
        return largest;
    }

    private static List<TrainedRun> train(String config, String arm) {
        Path file = configs().resolve("m1").resolve(config);
        List<RunSpec> runs = SweepPlanner.load(file).runs().stream().filter(r -> r.arm().equals(arm))
                .limit(SEEDS).map(PlannedRun::spec).toList();
        assertEquals(SEEDS, runs.size(), config + " has fewer than " + SEEDS + " runs in arm " + arm);
        List<TrainedRun> trained = TrainerFactory.trainer().train(runs);
        for (TrainedRun t : trained) assertTrue(t.ok(), config + " seed " + t.spec().seed() + " failed: " + t.failure());
        return trained;
    }

    private static Path configs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("configs/m1"))) return p.resolve("configs");
        }
        throw new IllegalStateException("configs/m1 not found above " + Path.of("").toAbsolutePath());
    }

    private static List<Rgb> saturatedHues(int count, double value) {
        List<Rgb> colors = new ArrayList<>();
        for (int k = 0; k < count; k++) colors.add(new Hsv((double) k / count, 1, value).toRgb());
        return colors;
    }

    private static double[][] latents(TrainedRun run, List<Rgb> colors) {
        return new Autoencoder(run.weights()).encode(ColorSet.unnamed("probe", colors), null);
    }

    /** R² of the least-squares fit y ≈ a + Σ b_j x_j. */
    private static double rSquared(double[][] x, double[] y) {
        OLSMultipleLinearRegression fit = new OLSMultipleLinearRegression();
        fit.newSampleData(y, x);
        return fit.calculateRSquared();
    }

    private static double square(double v) {
        return v * v;
    }
}
