package dev.anchorsweep.run;

import dev.anchorsweep.concept.Concept;
import dev.anchorsweep.model.Architecture;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything one run needs, fully resolved: the unit a sweep expands into and a worker trains.
 *
 * @param concepts every concept whose labels are drawn for this run's batches
 */
public record RunSpec(int seed, Architecture architecture, TrainingSpec training, List<Concept> concepts,
                      List<RegularizerSpec> regularizers, List<InterventionSpec> interventions,
                      EvaluationSpec evaluation) implements java.io.Serializable {

    public RunSpec {
        concepts = List.copyOf(concepts);
        regularizers = List.copyOf(regularizers);
        interventions = List.copyOf(interventions);
        Set<String> conceptNames = concepts.stream().map(Concept::name).collect(Collectors.toSet());
        if (conceptNames.size() != concepts.size()) throw new IllegalArgumentException("concept names must be unique");
        Set<String> names = new HashSet<>();
        for (RegularizerSpec r : regularizers) {
            if (!names.add(r.name())) throw new IllegalArgumentException("regularizer '" + r.name() + "' is defined twice");
            if (r.concept() != null && !conceptNames.contains(r.concept())) {
                throw new IllegalArgumentException("regularizer '" + r.name() + "' applies to concept '" + r.concept()
                        + "', but the run defines only " + conceptNames);
            }
            r.regularizer().validate(architecture.latentDim());
        }
        Set<String> interventionNames = new HashSet<>();
        for (InterventionSpec i : interventions) {
            if (InterventionSpec.BASELINE.equals(i.name()) || !interventionNames.add(i.name())) {
                throw new IllegalArgumentException("intervention names must be unique and not '"
                        + InterventionSpec.BASELINE + "', but got '" + i.name() + "' twice or reserved");
            }
        }
    }

    /** What runs must share to be trained in one pack. */
    public PackShape packShape() {
        return new PackShape(architecture, training);
    }

    /** This run cut to {@code steps} training steps (latents recorded only at the end), with another seed. */
    public RunSpec shortened(int steps, int newSeed) {
        TrainingSpec t = training;
        return new RunSpec(newSeed, architecture, new TrainingSpec(steps, t.batchSize(), t.gridSubdivisions(), t.lr(),
                t.validateEvery(), t.historyEvery(), List.of(steps), t.engine()), concepts, regularizers, interventions, evaluation);
    }

    /** This run with another training engine. */
    public RunSpec withEngine(Engine engine) {
        return new RunSpec(seed, architecture, training.withEngine(engine), concepts, regularizers, interventions,
                evaluation);
    }

    public Optional<Concept> concept(String name) {
        return concepts.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<InterventionSpec> intervention(String name) {
        return interventions.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public List<String> regularizerNames() {
        return regularizers.stream().map(RegularizerSpec::name).toList();
    }

    /** Stable text of every setting (the sweep driver hashes it into the run id). */
    public String canonical() {
        StringBuilder sb = new StringBuilder();
        sb.append("seed=").append(seed).append(";arch=").append(architecture).append(";training=")
                .append(training.canonical()).append(";concepts=");
        concepts.forEach(c -> sb.append(c.name()).append('=').append(c.measure().configName()).append('^')
                .append(c.power()).append('*').append(c.scale()).append(','));
        sb.append(";regularizers=");
        regularizers.forEach(r -> sb.append(r.canonical()).append(','));
        sb.append(";interventions=");
        interventions.forEach(i -> sb.append(i.name()).append('=').append(i.canonical()).append('|')
                .append(i.score() == null ? "-" : i.score().canonical()).append(','));
        sb.append(";evaluation=").append(evaluation.canonical());
        return sb.toString();
    }
}
