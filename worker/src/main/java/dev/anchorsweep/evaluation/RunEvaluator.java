package dev.anchorsweep.evaluation;

import dev.anchorsweep.color.ColorSet;
import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.color.Hsv;
import dev.anchorsweep.color.Rgb;
import dev.anchorsweep.concept.Concept;
import dev.anchorsweep.intervention.LatentIntervention;
import dev.anchorsweep.model.Autoencoder;
import dev.anchorsweep.model.ModelWeights;
import dev.anchorsweep.run.InterventionSpec;
import dev.anchorsweep.run.LatentInterventionSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.ScoreSpec;
import dev.anchorsweep.run.WeightInterventionSpec;
import dev.anchorsweep.train.TrainedRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a trained run (SCA-SPEC §5–6): per-colour error of every evaluation set under baseline and every
 * intervention, the selectivity score of every scored intervention on the 8³ RGB grid, and the latents of the latent
 * set at the snapshot steps.
 */
public final class RunEvaluator {

    public RunEvaluation evaluate(TrainedRun trained) {
        long start = System.nanoTime();
        RunSpec run = trained.spec();
        Hsv concept = conceptColor(run);
        List<ColorEvaluation> colors = new ArrayList<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        List<ColorSet> sets = run.evaluation().sets().stream().map(ColorSets::byName).toList();

        List<InterventionSpec> all = new ArrayList<>();
        all.add(null); // baseline
        all.addAll(run.interventions());
        for (InterventionSpec intervention : all) {
            String name = intervention == null ? InterventionSpec.BASELINE : intervention.name();
            Autoencoder model = modelUnder(trained.weights(), intervention);
            LatentIntervention latent = intervention instanceof LatentInterventionSpec l ? l.intervention() : null;
            Autoencoder.Batch gridBatch = null;
            for (ColorSet set : sets) {
                Autoencoder.Batch batch = model.forward(set, latent);
                if (set.name().equals(ColorSets.rgbGrid().name())) gridBatch = batch;
                for (int i = 0; i < set.size(); i++) {
                    Rgb c = set.color(i);
                    double[] out = clamp(batch.outputs()[i]);
                    colors.add(new ColorEvaluation(name, set.name(), i, set.nameOf(i), c, out,
                            ColorError.of(c.toArray(), out), concept == null ? null
                            : HsvSimilarity.similarity(c.toHsv(), concept)));
                }
            }
            if (intervention != null && intervention.score() != null) {
                scores.put(name, score(gridBatch != null ? gridBatch : model.forward(ColorSets.rgbGrid(), latent),
                        intervention.score()));
            }
        }
        return new RunEvaluation(colors, latents(trained), scores, (System.nanoTime() - start) / 1e9);
    }

    /** The selectivity score of one intervention on the 8³ RGB grid. */
    static double score(Autoencoder model, LatentIntervention latent, ScoreSpec spec) {
        return score(model.forward(ColorSets.rgbGrid(), latent), spec);
    }

    /** The selectivity score from the model's pass over the 8³ RGB grid (outputs not clamped). */
    private static double score(Autoencoder.Batch batch, ScoreSpec spec) {
        ColorSet grid = ColorSets.rgbGrid();
        double[] errors = new double[grid.size()];
        for (int i = 0; i < errors.length; i++) errors[i] = ColorError.of(grid.color(i).toArray(), batch.outputs()[i]);
        return spec.byVibrancy() ? SelectivityScore.scoreByVibrancy(grid, errors, spec.power())
                : SelectivityScore.score(grid, errors, spec.concept(), spec.power());
    }

    private static List<LatentSnapshot> latents(TrainedRun trained) {
        RunSpec run = trained.spec();
        List<LatentSnapshot> points = new ArrayList<>();
        if (run.evaluation().latentSet() == null) return points;
        ColorSet set = ColorSets.byName(run.evaluation().latentSet());
        trained.snapshots().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                addLatents(points, e.getKey(), InterventionSpec.BASELINE, set, new Autoencoder(e.getValue()), null));
        int end = trained.stepsTrained();
        for (String name : run.evaluation().latentInterventions()) {
            InterventionSpec spec = run.intervention(name).orElseThrow(() -> new IllegalArgumentException(
                    "latents are requested under intervention '" + name + "', which the run does not define"));
            LatentIntervention latent = spec instanceof LatentInterventionSpec l ? l.intervention() : null;
            addLatents(points, end, name, set, modelUnder(trained.weights(), spec), latent);
        }
        return points;
    }

    private static void addLatents(List<LatentSnapshot> points, int step, String intervention, ColorSet set,
                                   Autoencoder model, LatentIntervention latent) {
        points.add(new LatentSnapshot(step, intervention, set, model.encode(set, latent)));
    }

    private static Autoencoder modelUnder(ModelWeights weights, InterventionSpec intervention) {
        return new Autoencoder(intervention instanceof WeightInterventionSpec w ? w.edit().apply(weights) : weights);
    }

    /**
     * The colour evaluations measure similarity against: the first scored intervention's concept colour, else the
     * first concept that has a single prototype colour (e.g. red), else none.
     */
    static Hsv conceptColor(RunSpec run) {
        for (InterventionSpec i : run.interventions()) {
            if (i.score() != null && !i.score().byVibrancy()) return i.score().concept();
        }
        return run.concepts().stream().map(Concept::prototype).flatMap(java.util.Optional::stream)
                .map(Rgb::toHsv).findFirst().orElse(null);
    }

    private static double[] clamp(double[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) out[i] = Math.min(1, Math.max(0, y[i]));
        return out;
    }
}
