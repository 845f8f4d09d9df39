package dev.anchorsweep.run;

import dev.anchorsweep.concept.Concept;
import dev.anchorsweep.identity.CanonicalJson;
import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.property.ReactiveRule;
import dev.anchorsweep.stopping.StopRule;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything one run needs, fully resolved: the unit a sweep expands into and a worker trains.
 *
 * @param concepts every concept whose labels are drawn for this run's batches
 * @param reactive the rules that change properties during training from the run's own measurements
 * @param stopping the rules that stop the run early at a validation step
 */
public record RunSpec(int seed, Architecture architecture, TrainingSpec training, List<Concept> concepts,
                      List<RegularizerSpec> regularizers, List<InterventionSpec> interventions,
                      EvaluationSpec evaluation, List<ReactiveRule> reactive, List<StopRule> stopping)
        implements java.io.Serializable {

    /** Without stopping rules. */
    public RunSpec(int seed, Architecture architecture, TrainingSpec training, List<Concept> concepts,
                   List<RegularizerSpec> regularizers, List<InterventionSpec> interventions, EvaluationSpec evaluation,
                   List<ReactiveRule> reactive) {
        this(seed, architecture, training, concepts, regularizers, interventions, evaluation, reactive, List.of());
    }

    /** Without reactive rules. */
    public RunSpec(int seed, Architecture architecture, TrainingSpec training, List<Concept> concepts,
                   List<RegularizerSpec> regularizers, List<InterventionSpec> interventions, EvaluationSpec evaluation) {
        this(seed, architecture, training, concepts, regularizers, interventions, evaluation, List.of());
    }

    public RunSpec {
        reactive = List.copyOf(reactive);
        stopping = List.copyOf(stopping);
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
        return new RunSpec(newSeed, architecture, training.shortened(steps, List.of(steps)), concepts, regularizers,
                interventions, evaluation, reactive, stopping);
    }

    /** This run with another seed. */
    public RunSpec withSeed(int newSeed) {
        return new RunSpec(newSeed, architecture, training, concepts, regularizers, interventions, evaluation, reactive, stopping);
    }

    /** This run with another training engine. */
    public RunSpec withEngine(Engine engine) {
        return new RunSpec(seed, architecture, training.withEngine(engine), concepts, regularizers, interventions,
                evaluation, reactive, stopping);
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

    /**
     * The canonical form of this run: every setting, by its config name, as the resolved {@code run} section has it
     * (keyed sections for concepts, regularizers and interventions; dopesheet schedules as their keys). The README's
     * "Run ids" section documents it; {@link #canonical()} writes it as text.
     */
    public Map<String, Object> canonicalForm() {
        Map<String, Object> form = new TreeMap<>();
        form.put("seed", seed);
        form.put("model", architecture);
        form.put("training", training);
        form.put("concepts", byName(concepts, Concept::name));
        // the order of concepts matters (labels are drawn in it, and the first is the run's concept); it is written
        // only where it is not the order of their names, so that ids of configs listing them by name stay as they were
        List<String> conceptOrder = concepts.stream().map(Concept::name).toList();
        if (!conceptOrder.equals(conceptOrder.stream().sorted().toList())) form.put("concept-order", conceptOrder);
        form.put("regularizers", byName(regularizers, RegularizerSpec::name));
        form.put("interventions", byName(interventions, InterventionSpec::name));
        form.put("evaluation", evaluation.canonicalForm(training.snapshotSteps()));
        if (!reactive.isEmpty()) form.put("reactive", byName(reactive, ReactiveRule::name));
        if (!stopping.isEmpty()) form.put("stopping", byName(stopping, StopRule::name));
        return form;
    }

    /** The canonical text of every setting ({@link CanonicalJson} of {@link #canonicalForm()}), which the run id hashes. */
    public String canonical() {
        return CanonicalJson.of(canonicalForm());
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> out = new TreeMap<>();
        for (T item : items) out.put(name.apply(item), item);
        return out;
    }
}
