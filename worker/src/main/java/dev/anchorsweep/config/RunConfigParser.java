package dev.anchorsweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.color.Hsv;
import dev.anchorsweep.concept.Concept;
import dev.anchorsweep.concept.Measure;
import dev.anchorsweep.data.TrainingData;
import dev.anchorsweep.fused.FusedSupport;
import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.property.ReactiveRule;
import dev.anchorsweep.stopping.StopRule;
import dev.anchorsweep.regularizer.Regularizer;
import dev.anchorsweep.run.Engine;
import dev.anchorsweep.run.EvaluationSpec;
import dev.anchorsweep.run.InterventionSpec;
import dev.anchorsweep.run.LatentInterventionSpec;
import dev.anchorsweep.run.NamedPhase;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.ScoreSpec;
import dev.anchorsweep.run.TrainingSpec;
import dev.anchorsweep.schedule.KeyframeSchedule;
import dev.anchorsweep.train.SameDiffSupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code run} section of a config into a validated {@link RunSpec}. Defaults come from the worker's
 * {@code reference.conf} ({@code anchor-sweep.run}); every problem is collected with its file, line and path, and
 * reported together before anything runs. The README's "Configuring a run" section documents every setting.
 */
public final class RunConfigParser {

    public static final String DEFAULTS = "anchor-sweep.run";
    static final List<String> RUN_KEYS = List.of("seed", "model", "training", "concepts", "regularizers",
            "interventions", "evaluation", "reactive", "stopping");
    static final List<String> MODEL_KEYS = List.of("latent-dim", "hidden-width", "layers", "bottleneck", "output");
    static final List<String> TRAINING_KEYS = List.of("steps", "batch-size", "grid", "validate-every", "history-every",
            "lr", "engine", "recon-weight", "data", "phases");
    static final List<String> CONCEPT_KEYS = List.of("label", "power", "scale");
    static final List<String> LABELS = Arrays.stream(Measure.values()).map(Measure::configLabel).toList();
    static final List<String> EVALUATION_KEYS = List.of("sets", "latents", "selection");

    private final Path baseDir;

    /** @param baseDir the folder of the config file, against which dopesheet paths resolve (may be null) */
    public RunConfigParser(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** The defaults of every run setting, from reference.conf. */
    public static Config defaults() {
        return ConfigFactory.defaultReference().getConfig(DEFAULTS);
    }

    /** Parses a run section (resolved, without defaults yet) found at {@code path} of its file. */
    public RunSpec parse(ConfigObject run, String path) {
        List<ConfigProblem> problems = new ArrayList<>();
        RunSpec spec = parse(run, path, problems);
        if (!problems.isEmpty()) throw new InvalidConfigException(problems);
        return spec;
    }

    /** Like {@link #parse(ConfigObject, String)} but adds problems to {@code problems}; null when there are any. */
    public RunSpec parse(ConfigObject run, String path, List<ConfigProblem> problems) {
        int before = problems.size();
        ConfigObject merged = run.withFallback(defaults().root());
        ConfigReader r = new ConfigReader(merged, path, problems);
        r.allowOnly(RUN_KEYS);
        Integer seed = r.integer("seed", 0, Integer.MAX_VALUE);
        Architecture architecture = model(r.child("model"));
        ConfigReader trainingReader = r.child("training");
        List<Concept> concepts = concepts(r.child("concepts"));
        int k = architecture == null ? -1 : architecture.latentDim();
        Integer steps = trainingReader == null ? null : trainingReader.integer("steps", 1, 10_000_000);
        List<RegularizerSpec> regularizers = regularizers(r.child("regularizers"), concepts, k, steps);
        List<InterventionSpec> interventions = interventions(r.child("interventions"), concepts, k);
        ConfigReader evaluationReader = r.child("evaluation");
        EvaluationSpec evaluation = evaluation(evaluationReader, interventions, regularizers);
        List<Integer> snapshots = snapshotSteps(evaluationReader, steps);
        TrainingSpec training = training(trainingReader, steps, snapshots);
        List<String> dataProperties = training == null ? List.of() : training.data().propertyNames();
        dataPropertyNames(trainingReader, dataProperties, regularizers);
        List<ReactiveRule> reactive = reactive(r, regularizers, dataProperties);
        List<StopRule> stopping = StoppingParser.parse(r, validationMetrics(regularizers), steps);
        if (problems.size() > before) return null;
        try {
            RunSpec spec = new RunSpec(seed, architecture, training, concepts, regularizers, interventions, evaluation,
                    reactive, stopping);
            var fusedGap = FusedSupport.check(spec);
            var sameDiffGap = SameDiffSupport.check(spec);
            if (training.engine() == Engine.FUSED && fusedGap.isPresent()) {
                trainingReader.problem("engine", "the fused engine cannot train this run: " + fusedGap.get()
                        + (sameDiffGap.isEmpty() ? " (use auto or samediff)" : ""));
                return null;
            }
            if (training.engine() == Engine.SAMEDIFF && sameDiffGap.isPresent()) {
                trainingReader.problem("engine", "the samediff engine cannot train this run: " + sameDiffGap.get()
                        + (fusedGap.isEmpty() ? " (use auto or fused)" : ""));
                return null;
            }
            if (fusedGap.isPresent() && sameDiffGap.isPresent()) {
                trainingReader.problem(null, "no engine can train this run: fused: " + fusedGap.get() + "; samediff: "
                        + sameDiffGap.get());
                return null;
            }
            return spec;
        } catch (IllegalArgumentException e) {
            r.problem(null, e.getMessage());
            return null;
        }
    }

    private Architecture model(ConfigReader m) {
        if (m == null) return null;
        m.allowOnly(MODEL_KEYS);
        Integer k = m.integer("latent-dim", 1, 1024);
        Integer h = m.integer("hidden-width", 1, 4096);
        Integer n = m.integer("layers", 1, 64);
        String bottleneck = m.choice("bottleneck", List.of("normalize", "none"));
        String output = m.choice("output", List.of("linear", "sigmoid"));
        if (k == null || h == null || n == null || bottleneck == null || output == null) return null;
        return new Architecture(k, h, n, bottleneck.equals("normalize"), output.equals("sigmoid"));
    }

    private TrainingSpec training(ConfigReader t, Integer steps, List<Integer> snapshots) {
        if (t == null) return null;
        t.allowOnly(TRAINING_KEYS);
        Integer batch = t.integer("batch-size", 1, 1 << 20);
        Integer grid = t.integer("grid", 2, 256);
        Integer validate = t.integer("validate-every", 1, Integer.MAX_VALUE);
        Integer history = t.integer("history-every", 1, Integer.MAX_VALUE);
        String engine = t.choice("engine", Engine.configNames());
        KeyframeSchedule lr = ScheduleParser.parse(t, "lr", baseDir);
        if (lr != null && lr.minValue() < 0) {
            t.problem("lr", "the learning rate must be ≥ 0, but the schedule reaches " + lr.minValue());
            return null;
        }
        KeyframeSchedule reconWeight = t.has("recon-weight") ? ScheduleParser.parse(t, "recon-weight", baseDir)
                : TrainingSpec.RECON_WEIGHT;
        if (reconWeight != null && reconWeight.minValue() < 0) {
            t.problem("recon-weight", "the reconstruction weight must be ≥ 0, but the schedule reaches "
                    + reconWeight.minValue());
            return null;
        }
        TrainingDataParser dataParser = new TrainingDataParser(baseDir);
        List<NamedPhase> phases = dataParser.phases(t, steps);
        TrainingData data = dataParser.data(t, batch, steps, phases);
        if (steps == null || batch == null || grid == null || validate == null || history == null || lr == null
                || snapshots == null || engine == null || reconWeight == null || data == null || phases == null) {
            return null;
        }
        return new TrainingSpec(steps, batch, grid, lr, validate, history, snapshots, Engine.fromConfigName(engine),
                data, reconWeight, phases);
    }

    /** Data properties share one namespace with lr, recon and the regularizers (rules and history name them). */
    private static void dataPropertyNames(ConfigReader t, List<String> dataProperties,
                                          List<RegularizerSpec> regularizers) {
        for (String name : dataProperties) {
            if (regularizers.stream().anyMatch(x -> x.name().equals(name))) {
                t.problem("data", "data property '" + name + "' has the name of a regularizer; lr, recon, the "
                        + "regularizers and the data properties need names of their own");
            }
        }
    }

    /**
     * The reactive rules; their properties: lr, recon, the regularizers' and the data properties' names (those of
     * {@code training.data.properties}).
     */
    private static List<ReactiveRule> reactive(ConfigReader r, List<RegularizerSpec> regularizers,
                                               List<String> dataProperties) {
        List<String> names = regularizers.stream().map(RegularizerSpec::name).toList();
        if (r.value("regularizers") instanceof ConfigObject o) {
            ReactiveParser.checkNames(new ConfigReader(o, r.path("regularizers"), r.problems()), names);
        }
        List<String> properties = new ArrayList<>(List.of("lr", "recon"));
        properties.addAll(names);
        properties.addAll(dataProperties);
        List<String> metrics = validationMetrics(regularizers);
        metrics.addAll(List.of("loss.recon", "loss.total"));
        names.forEach(n -> metrics.add("loss." + n));
        return ReactiveParser.parse(r, properties, metrics);
    }

    /** {@code validation.recon} and {@code validation.<name>} of every validated regularizer. */
    private static List<String> validationMetrics(List<RegularizerSpec> regularizers) {
        List<String> metrics = new ArrayList<>(List.of("validation.recon"));
        regularizers.stream().filter(x -> x.regularizer().validated())
                .forEach(x -> metrics.add("validation." + x.name()));
        return metrics;
    }

    private List<Concept> concepts(ConfigReader c) {
        List<Concept> concepts = new ArrayList<>();
        if (c == null) return concepts;
        for (String name : c.keys()) {
            ConfigReader one = c.child(name);
            if (one == null) continue;
            one.allowOnly(CONCEPT_KEYS);
            String label = one.choice("label", LABELS);
            Double power = one.number("power", 0, 1000);
            Double scale = one.number("scale", 0, 1);
            if (label == null || power == null || scale == null) continue;
            concepts.add(new Concept(name, measure(label), power, scale));
        }
        return concepts;
    }

    /** The measure whose config label is {@code label}, one of {@link #LABELS}. */
    static Measure measure(String label) {
        return Arrays.stream(Measure.values()).filter(m -> m.configLabel().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + label + "' is not a concept label; valid: " + LABELS));
    }

    private List<RegularizerSpec> regularizers(ConfigReader rs, List<Concept> concepts, int k, Integer steps) {
        List<RegularizerSpec> out = new ArrayList<>();
        if (rs == null) return out;
        List<String> conceptNames = concepts.stream().map(Concept::name).toList();
        for (String name : rs.keys()) {
            ConfigReader r = rs.child(name);
            if (r == null) continue;
            String type = r.choice("type", RegularizerKind.configNames());
            if (type == null) continue;
            RegularizerKind kind = RegularizerKind.byConfigName(type);
            List<String> allowed = new ArrayList<>(RegularizerKind.COMMON_KEYS);
            allowed.addAll(kind.settings());
            r.allowOnly(allowed);
            String concept = null;
            if (r.has("concept")) {
                concept = r.choice("concept", conceptNames.isEmpty() ? List.of("(no concepts defined)") : conceptNames);
                if (concept == null) continue;
            }
            KeyframeSchedule weight = ScheduleParser.parse(r, "weight", baseDir);
            if (weight != null && weight.minValue() < 0) {
                r.problem("weight", "regularizer weights must be ≥ 0, but the schedule reaches " + weight.minValue());
                continue;
            }
            ConfigObject settings = r.object().withFallback(KindDefaults.of(KindDefaults.REGULARIZERS, type));
            ConfigReader withDefaults = new ConfigReader(settings, r.path(), r.problems());
            Regularizer regularizer;
            try {
                regularizer = kind.build(new KindSettings(withDefaults, k, baseDir, steps));
            } catch (IllegalArgumentException e) {
                r.problem(null, e.getMessage());
                continue;
            }
            if (regularizer == null || weight == null) continue;
            out.add(new RegularizerSpec(name, regularizer, concept, weight));
        }
        return out;
    }

    private static List<InterventionSpec> interventions(ConfigReader is, List<Concept> concepts, int k) {
        List<InterventionSpec> out = new ArrayList<>();
        if (is == null) return out;
        for (String name : is.keys()) {
            ConfigReader r = is.child(name);
            if (r == null) continue;
            String type = r.choice("type", InterventionKind.configNames());
            if (type == null) continue;
            InterventionKind kind = InterventionKind.byConfigName(type);
            List<String> allowed = new ArrayList<>(InterventionKind.COMMON_KEYS);
            allowed.addAll(kind.settings());
            r.allowOnly(allowed);
            ConfigObject defaults = KindDefaults.of(KindDefaults.INTERVENTIONS, type);
            ScoreSpec score = null;
            if (r.has("score")) {
                score = score(r, defaults, concepts);
                if (score == null) continue;
            }
            ConfigObject settings = r.object().withFallback(defaults.withoutKey("score"));
            try {
                InterventionSpec spec = kind.build(name, new KindSettings(new ConfigReader(settings, r.path(),
                        r.problems()), k), score);
                if (spec != null) out.add(spec);
            } catch (IllegalArgumentException e) {
                r.problem(null, e.getMessage());
            }
        }
        return out;
    }

    /** An intervention's {@code score}, its power defaulting to the kind's ({@code score.power} in reference.conf). */
    private static ScoreSpec score(ConfigReader intervention, ConfigObject kindDefaults, List<Concept> concepts) {
        ConfigReader given = intervention.child("score");
        if (given == null) return null;
        given.allowOnly(InterventionKind.SCORE_KEYS);
        ConfigObject merged = kindDefaults.get("score") instanceof ConfigObject d
                ? given.object().withFallback(d) : given.object();
        ConfigReader s = new ConfigReader(merged, given.path(), given.problems());
        List<String> valid = new ArrayList<>(concepts.stream().filter(c -> c.prototype().isPresent())
                .map(Concept::name).toList());
        valid.add("vibrancy");
        String against = s.choice("against", valid);
        Double power = s.number("power", 1e-9, 100);
        if (against == null || power == null) return null;
        Hsv colour = against.equals("vibrancy") ? null : concepts.stream().filter(c -> c.name().equals(against))
                .findFirst().orElseThrow().prototype().orElseThrow().toHsv();
        return new ScoreSpec(colour, power);
    }

    private static EvaluationSpec evaluation(ConfigReader e, List<InterventionSpec> interventions,
                                             List<RegularizerSpec> regularizers) {
        if (e == null) return null;
        e.allowOnly(EVALUATION_KEYS);
        List<String> sets = e.strings("sets", ColorSets.NAMES);
        String latentSet = null;
        List<String> latentInterventions = List.of();
        if (e.has("latents")) {
            ConfigReader l = e.child("latents");
            if (l != null) {
                l.allowOnly(List.of("set", "steps", "interventions"));
                latentSet = l.has("set") ? l.choice("set", ColorSets.NAMES) : null;
                if (l.has("interventions")) {
                    List<String> latentNames = interventions.stream()
                            .filter(i -> i instanceof LatentInterventionSpec).map(InterventionSpec::name).toList();
                    latentInterventions = l.strings("interventions", latentNames);
                }
            }
        }
        EvaluationSpec.Selection selection = null;
        if (e.has("selection")) {
            ConfigReader s = e.child("selection");
            if (s == null) return null;
            s.allowOnly(List.of("intervention", "minimize"));
            List<String> scored = interventions.stream().filter(i -> i.score() != null).map(InterventionSpec::name)
                    .toList();
            String intervention = s.has("intervention")
                    ? s.choice("intervention", scored.isEmpty() ? List.of("(no scored interventions)") : scored) : null;
            List<String> metrics = new ArrayList<>(List.of("recon"));
            regularizers.stream().filter(r -> r.regularizer().validated()).forEach(r -> metrics.add(r.name()));
            List<String> minimize = s.has("minimize") ? s.strings("minimize", metrics) : List.of("recon");
            if (minimize == null || (s.has("intervention") && intervention == null)) return null;
            selection = new EvaluationSpec.Selection(intervention, minimize);
        } else {
            String first = interventions.stream().filter(i -> i.score() != null).map(InterventionSpec::name)
                    .findFirst().orElse(null);
            selection = new EvaluationSpec.Selection(first, List.of("recon"));
        }
        if (sets == null || latentInterventions == null) return null;
        return new EvaluationSpec(sets, latentSet, latentInterventions, selection);
    }

    /**
     * evaluation.latents.steps: the steps (0..steps) whose latents are recorded; by default the final one. Either a list
     * of steps, {@code { every = N }}: 0, N, 2N, … and the final step {@code steps}, or {@code { count = N, spacing =
     * even | ends }}: N steps from 0 to {@code steps}, evenly or denser at both ends (cosine spacing; coinciding
     * steps counted once), resolved to that list (the
     * canonical form, and so the run id, is the list).
     */
    private static List<Integer> snapshotSteps(ConfigReader e, Integer steps) {
        if (e == null || steps == null) return null;
        ConfigValue latents = e.value("latents");
        if (!(latents instanceof ConfigObject o) || !o.containsKey("steps")) return List.of(steps);
        ConfigReader l = new ConfigReader(o, e.path("latents"), e.problems());
        if (o.get("steps") instanceof ConfigObject form) {
            ConfigReader s = new ConfigReader(form, l.path("steps"), e.problems());
            s.allowOnly(List.of("every", "count", "spacing"));
            if (s.has("every") == s.has("count") || (s.has("spacing") && !s.has("count"))) {
                l.problem("steps", "a steps object is { every = N } (0, N, 2N, … and the final step " + steps
                        + ") or { count = N, spacing = even | ends } (N steps from 0 to " + steps + ", evenly or "
                        + "denser at the start and end), but got " + ConfigReader.describe(form));
                return null;
            }
            if (s.has("every")) {
                Integer n = s.integer("every", 1, Math.max(1, steps));
                if (n == null) return null;
                List<Integer> out = new ArrayList<>();
                for (int step = 0; step < steps; step += n) out.add(step);
                out.add(steps);
                return out;
            }
            Integer n = s.integer("count", 2, 100_000);
            String spacing = s.has("spacing") ? s.choice("spacing", List.of("even", "ends")) : "even";
            if (n == null || spacing == null) return null;
            java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
            for (int i = 0; i < n; i++) {
                double x = (double) i / (n - 1);
                // ends: the cosine spacing, points crowd where the cosine is flat (both ends of training)
                double f = spacing.equals("even") ? x : (1 - Math.cos(Math.PI * x)) / 2;
                out.add((int) Math.round(f * steps));
            }
            return List.copyOf(out);
        }
        if (!(o.get("steps") instanceof com.typesafe.config.ConfigList)) {
            l.problem("steps", "must be a list of steps like [0, " + steps + "] or { every = N }, but got "
                    + ConfigReader.describe(o.get("steps")));
            return null;
        }
        int[] s = l.integers("steps");
        if (s == null) return null;
        List<Integer> out = new ArrayList<>();
        for (int step : s) {
            if (step < 0 || step > steps) {
                l.problem("steps", "latent steps must be in 0.." + steps + " (training.steps; " + steps
                        + " is the final model), but got " + step);
                return null;
            }
            out.add(step);
        }
        return out;
    }

    /** The settings of a run section as a flat map of path → rendered value (for provenance and arm tables). */
    public static Map<String, String> flatten(Config config) {
        Map<String, String> out = new LinkedHashMap<>();
        config.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), e.getValue().render(com.typesafe.config.ConfigRenderOptions.concise())));
        return out;
    }
}
