package dev.anchorsweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.color.Hsv;
import dev.anchorsweep.concept.Concept;
import dev.anchorsweep.concept.Measure;
import dev.anchorsweep.fused.FusedSupport;
import dev.anchorsweep.intervention.Ablation;
import dev.anchorsweep.intervention.BoundedFalloff;
import dev.anchorsweep.intervention.LatentDims;
import dev.anchorsweep.intervention.LinearMapper;
import dev.anchorsweep.intervention.Pruning;
import dev.anchorsweep.intervention.Repulsion;
import dev.anchorsweep.intervention.Suppression;
import dev.anchorsweep.model.Architecture;
import dev.anchorsweep.regularizer.Anchor;
import dev.anchorsweep.regularizer.AntiAnchor;
import dev.anchorsweep.regularizer.AntiSubspace;
import dev.anchorsweep.regularizer.EuclideanAnchor;
import dev.anchorsweep.regularizer.Planarity;
import dev.anchorsweep.regularizer.Regularizer;
import dev.anchorsweep.regularizer.Separate;
import dev.anchorsweep.regularizer.Subspace;
import dev.anchorsweep.regularizer.Unitarity;
import dev.anchorsweep.run.Engine;
import dev.anchorsweep.run.EvaluationSpec;
import dev.anchorsweep.run.InterventionSpec;
import dev.anchorsweep.run.LatentInterventionSpec;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.ScoreSpec;
import dev.anchorsweep.run.TrainingSpec;
import dev.anchorsweep.run.WeightInterventionSpec;
import dev.anchorsweep.schedule.KeyframeSchedule;

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
            "interventions", "evaluation");
    static final List<String> MODEL_KEYS = List.of("latent-dim", "hidden-width", "layers", "bottleneck", "output");
    static final List<String> TRAINING_KEYS = List.of("steps", "batch-size", "grid", "validate-every", "history-every",
            "lr", "engine");
    static final List<String> CONCEPT_KEYS = List.of("label", "power", "scale");
    static final List<String> LABELS = List.of("primary(red)", "primary(green)", "primary(blue)", "vibrancy",
            "desaturation");
    static final List<String> REGULARIZER_TYPES = List.of("separate", "anchor", "anti-anchor", "subspace",
            "anti-subspace", "planarity", "unitarity", "euclidean-anchor");
    static final List<String> INTERVENTION_TYPES = List.of("suppression", "repulsion", "ablation", "pruning");
    static final List<String> EVALUATION_KEYS = List.of("sets", "latents", "selection");
    /** cos 89°: the paper's repulsion target. */
    static final double COS_89 = Math.cos(Math.toRadians(89));

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
        List<RegularizerSpec> regularizers = regularizers(r.child("regularizers"), concepts, k);
        List<InterventionSpec> interventions = interventions(r.child("interventions"), concepts, k);
        ConfigReader evaluationReader = r.child("evaluation");
        Integer steps = trainingReader == null ? null : trainingReader.integer("steps", 1, 10_000_000);
        EvaluationSpec evaluation = evaluation(evaluationReader, interventions, regularizers);
        List<Integer> snapshots = snapshotSteps(evaluationReader, steps);
        TrainingSpec training = training(trainingReader, steps, snapshots);
        if (problems.size() > before) return null;
        try {
            RunSpec spec = new RunSpec(seed, architecture, training, concepts, regularizers, interventions, evaluation);
            if (training.engine() == Engine.FUSED) {
                var unsupported = FusedSupport.check(spec);
                if (unsupported.isPresent()) {
                    trainingReader.problem("engine", "the fused engine cannot train this run: " + unsupported.get()
                            + " (use auto or samediff)");
                    return null;
                }
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
        if (steps == null || batch == null || grid == null || validate == null || history == null || lr == null
                || snapshots == null || engine == null) {
            return null;
        }
        return new TrainingSpec(steps, batch, grid, lr, validate, history, snapshots, Engine.fromConfigName(engine));
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

    static Measure measure(String label) {
        return switch (label) {
            case "vibrancy" -> Measure.VIBRANCY;
            case "desaturation" -> Measure.DESATURATION;
            default -> Measure.primary(label.substring("primary(".length(), label.length() - 1));
        };
    }

    private List<RegularizerSpec> regularizers(ConfigReader rs, List<Concept> concepts, int k) {
        List<RegularizerSpec> out = new ArrayList<>();
        if (rs == null) return out;
        List<String> conceptNames = concepts.stream().map(Concept::name).toList();
        for (String name : rs.keys()) {
            ConfigReader r = rs.child(name);
            if (r == null) continue;
            String type = r.choice("type", REGULARIZER_TYPES);
            if (type == null) continue;
            List<String> allowed = new ArrayList<>(List.of("type", "concept", "weight"));
            allowed.addAll(switch (type) {
                case "separate" -> List.of("power", "shift");
                case "anchor" -> List.of("direction");
                case "anti-anchor" -> List.of("direction", "hemi");
                case "subspace", "anti-subspace", "planarity" -> List.of("dims");
                case "euclidean-anchor" -> List.of("point");
                default -> List.<String>of();
            });
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
            Regularizer regularizer = regularizer(r, type, k);
            if (regularizer == null || weight == null) continue;
            out.add(new RegularizerSpec(name, regularizer, concept, weight));
        }
        return out;
    }

    private static Regularizer regularizer(ConfigReader r, String type, int k) {
        try {
            return switch (type) {
                case "separate" -> {
                    Double power = r.has("power") ? r.number("power", 1e-9, 1e6) : Double.valueOf(100);
                    Boolean shift = r.has("shift") ? r.bool("shift") : Boolean.TRUE;
                    yield power == null || shift == null ? null : new Separate(power, shift);
                }
                case "anchor" -> {
                    double[] d = direction(r, "direction", k);
                    yield d == null ? null : new Anchor(d);
                }
                case "anti-anchor" -> {
                    double[] d = direction(r, "direction", k);
                    Boolean hemi = r.has("hemi") ? r.bool("hemi") : Boolean.TRUE;
                    yield d == null || hemi == null ? null : new AntiAnchor(d, hemi);
                }
                case "subspace" -> {
                    int[] dims = dims(r, "dims", k, false);
                    yield dims == null ? null : new Subspace(dims);
                }
                case "anti-subspace" -> {
                    int[] dims = dims(r, "dims", k, false);
                    yield dims == null ? null : new AntiSubspace(dims);
                }
                case "planarity" -> {
                    int[] dims = r.has("dims") ? dims(r, "dims", k, false) : new int[] {0, 1};
                    if (dims != null && dims.length != 2) {
                        r.problem("dims", "planarity needs exactly 2 dims, but got " + Arrays.toString(dims));
                        yield null;
                    }
                    yield dims == null ? null : new Planarity(dims);
                }
                case "euclidean-anchor" -> {
                    double[] p = direction(r, "point", k);
                    yield p == null ? null : new EuclideanAnchor(p);
                }
                default -> new Unitarity();
            };
        } catch (IllegalArgumentException e) {
            r.problem(null, e.getMessage());
            return null;
        }
    }

    /** A vector of one entry per latent dim. */
    private static double[] direction(ConfigReader r, String key, int k) {
        double[] d = r.numbers(key);
        if (d == null || k < 0) return null;
        if (d.length != k) {
            r.problem(key, "must have one entry per latent dim (model.latent-dim = " + k + "), but got "
                    + d.length + ": " + Arrays.toString(d));
            return null;
        }
        return d;
    }

    private static int[] dims(ConfigReader r, String key, int k, boolean leaveOne) {
        int[] dims = r.integers(key);
        if (dims == null || k < 0) return null;
        try {
            LatentDims latent = new LatentDims(dims);
            if (leaveOne) {
                latent.checkFits(k);
            } else {
                for (int d : dims) {
                    if (d >= k) throw new IllegalArgumentException("latent dim " + d + " is out of range 0.." + (k - 1)
                            + " (model.latent-dim = " + k + ")");
                }
            }
        } catch (IllegalArgumentException e) {
            r.problem(key, e.getMessage());
            return null;
        }
        return dims;
    }

    private static List<InterventionSpec> interventions(ConfigReader is, List<Concept> concepts, int k) {
        List<InterventionSpec> out = new ArrayList<>();
        if (is == null) return out;
        for (String name : is.keys()) {
            ConfigReader r = is.child(name);
            if (r == null) continue;
            String type = r.choice("type", INTERVENTION_TYPES);
            if (type == null) continue;
            List<String> allowed = new ArrayList<>(List.of("type", "score"));
            allowed.addAll(switch (type) {
                case "suppression" -> List.of("direction", "falloff");
                case "repulsion" -> List.of("direction", "mapper");
                default -> List.of("dims");
            });
            r.allowOnly(allowed);
            ScoreSpec score = r.has("score") ? score(r.child("score"), type, concepts) : null;
            if (r.has("score") && score == null) continue;
            try {
                InterventionSpec spec = switch (type) {
                    case "suppression" -> {
                        double[] d = direction(r, "direction", k);
                        BoundedFalloff f = falloff(r);
                        yield d == null || f == null ? null : new LatentInterventionSpec(name, new Suppression(d, f),
                                "suppression(direction=" + Arrays.toString(d) + ",falloff=" + f + ")", score);
                    }
                    case "repulsion" -> {
                        double[] d = direction(r, "direction", k);
                        LinearMapper m = mapper(r);
                        yield d == null || m == null ? null : new LatentInterventionSpec(name, new Repulsion(d, m),
                                "repulsion(direction=" + Arrays.toString(d) + ",mapper=" + m + ")", score);
                    }
                    case "ablation" -> {
                        int[] dims = dims(r, "dims", k, true);
                        yield dims == null ? null : new WeightInterventionSpec(name, new Ablation(dims),
                                "ablation(dims=" + Arrays.toString(dims) + ")", score);
                    }
                    default -> {
                        int[] dims = dims(r, "dims", k, true);
                        yield dims == null ? null : new WeightInterventionSpec(name, new Pruning(dims),
                                "pruning(dims=" + Arrays.toString(dims) + ")", score);
                    }
                };
                if (spec != null) out.add(spec);
            } catch (IllegalArgumentException e) {
                r.problem(null, e.getMessage());
            }
        }
        return out;
    }

    private static BoundedFalloff falloff(ConfigReader r) {
        if (!r.has("falloff")) return new BoundedFalloff(0, 1, 0);
        ConfigReader f = r.child("falloff");
        if (f == null) return null;
        f.allowOnly(List.of("a", "b", "power"));
        Double a = f.has("a") ? f.number("a", 0, 1) : Double.valueOf(0);
        Double b = f.has("b") ? f.number("b", 0, 1) : Double.valueOf(1);
        Double p = f.has("power") ? f.number("power", 0, 1000) : Double.valueOf(0);
        return a == null || b == null || p == null ? null : new BoundedFalloff(a, b, p);
    }

    private static LinearMapper mapper(ConfigReader r) {
        if (!r.has("mapper")) return new LinearMapper(0, COS_89);
        ConfigReader m = r.child("mapper");
        if (m == null) return null;
        m.allowOnly(List.of("a", "b"));
        Double a = m.has("a") ? m.number("a", 0, 1) : Double.valueOf(0);
        Double b = m.has("b") ? m.number("b", 0, 1) : Double.valueOf(COS_89);
        if (a == null || b == null) return null;
        if (!(a < b)) {
            m.problem("b", "the mapper needs a < b, but got a = " + a + ", b = " + b);
            return null;
        }
        return new LinearMapper(a, b);
    }

    private static ScoreSpec score(ConfigReader s, String type, List<Concept> concepts) {
        if (s == null) return null;
        s.allowOnly(List.of("against", "power"));
        List<String> valid = new ArrayList<>(concepts.stream().filter(c -> c.prototype().isPresent())
                .map(Concept::name).toList());
        valid.add("vibrancy");
        String against = s.choice("against", valid);
        double defaultPower = type.equals("ablation") || type.equals("pruning") ? 3 : 2;
        Double power = s.has("power") ? s.number("power", 1e-9, 100) : Double.valueOf(defaultPower);
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
            regularizers.stream().filter(r -> !(r.regularizer() instanceof Separate)).forEach(r -> metrics.add(r.name()));
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

    /** evaluation.latents.steps: the steps (0..steps) whose latents are recorded; by default the final one. */
    private static List<Integer> snapshotSteps(ConfigReader e, Integer steps) {
        if (e == null || steps == null) return null;
        ConfigValue latents = e.value("latents");
        if (!(latents instanceof ConfigObject o) || !o.containsKey("steps")) return List.of(steps);
        ConfigReader l = new ConfigReader(o, e.path("latents"), e.problems());
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
