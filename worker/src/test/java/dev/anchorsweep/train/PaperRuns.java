package dev.anchorsweep.train;

import dev.anchorsweep.concept.Concept;
import dev.anchorsweep.concept.Measure;
import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.regularizer.Anchor;
import dev.anchorsweep.regularizer.AntiAnchor;
import dev.anchorsweep.regularizer.AntiSubspace;
import dev.anchorsweep.regularizer.Separate;
import dev.anchorsweep.regularizer.Subspace;
import dev.anchorsweep.run.EvaluationSpec;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;
import dev.anchorsweep.schedule.Keyframe;
import dev.anchorsweep.schedule.KeyframeSchedule;

import java.util.ArrayList;
import java.util.List;

/** The paper's two architectures as RunSpecs built in code (SCA-SPEC §4), for tests of the trainer alone. */
final class PaperRuns {

    private PaperRuns() {
    }

    static KeyframeSchedule keys(double... stepValue) {
        List<Keyframe> k = new ArrayList<>();
        for (int i = 0; i < stepValue.length; i += 2) k.add(new Keyframe((int) stepValue[i], stepValue[i + 1]));
        return KeyframeSchedule.minJerk(k);
    }

    static final KeyframeSchedule LR = keys(0, 1e-8, 10, 0.01, 750, 0.1, 1425, 0.1, 1500, 0.05);
    static final Concept RED = new Concept("red", Measure.REDNESS, 8, 0.08);
    static final Concept VIBRANT = new Concept("vibrant", Measure.VIBRANCY, 10, 0.01);

    static TrainingSpec training(int steps) {
        return new TrainingSpec(steps, 64, 8, LR, 150, 10, List.of(0, steps));
    }

    static RunSpec isolated(int seed, int steps) {
        return new RunSpec(seed, Architecture.isolated(), training(steps), List.of(RED), List.of(
                new RegularizerSpec("anchor", new Anchor(new double[] {1, 0, 0, 0, 0}), "red",
                        keys(0, 0, 248, 0.1, 750, 0.1, 1425, 0)),
                new RegularizerSpec("anti-anchor", new AntiAnchor(new double[] {-1, 0, 0, 0, 0}, true), null,
                        keys(0, 0, 248, 0.05, 1425, 0)),
                new RegularizerSpec("anti-subspace", new AntiSubspace(new int[] {0}), null,
                        keys(0, 0.25, 750, 0.003, 1425, 0)),
                new RegularizerSpec("separate", new Separate(100, true), null,
                        keys(248, 0.01, 750, 0.001, 1425, 0))),
                List.of(), evaluation());
    }

    static RunSpec anchored(int seed, int steps) {
        return new RunSpec(seed, Architecture.anchored(), training(steps), List.of(RED, VIBRANT), List.of(
                new RegularizerSpec("anchor", new Anchor(new double[] {1, 0, 0, 0}), "red",
                        keys(0, 0.01, 750, 0.1, 1425, 0)),
                new RegularizerSpec("subspace", new Subspace(new int[] {0, 1}), "vibrant",
                        keys(0, 0.01, 375, 0.1, 1125, 0.1, 1425, 0)),
                new RegularizerSpec("separate", new Separate(100, true), null, keys(750, 0.01, 1425, 0))),
                List.of(), evaluation());
    }

    static EvaluationSpec evaluation() {
        return new EvaluationSpec(List.of("named"), "latent-cube", List.of(),
                new EvaluationSpec.Selection(null, List.of("recon")));
    }
}
