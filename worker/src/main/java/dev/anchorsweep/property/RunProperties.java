package dev.anchorsweep.property;

import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;
import dev.anchorsweep.schedule.KeyframeSchedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every property of one run by name, and its value at every step: {@code lr}, {@code recon} (the reconstruction
 * weight), each regularizer's weight (by the regularizer's name) and any extra named schedule (the data properties).
 * Each follows its schedule until one of the run's reactive rules fires, then the smooth moves of
 * {@link SmoothProperty}. Rules are checked by {@link #observe} at the run's validation steps; a rule that fires at a
 * check after batch t moves its property from step t + 1 on. Values are kept in one array per property (index
 * {@link #LR}, {@link #RECON}, {@link #regularizer(int)}, then the extras in order), rewritten when a rule fires, so
 * reading a step's value is an array access: no work and no allocation per step.
 */
public final class RunProperties {

    public static final int LR = 0;
    public static final int RECON = 1;

    private final List<String> names = new ArrayList<>();
    private final SmoothProperty[] properties;
    private final int regularizers;
    private final RuleWatch[] watches;
    private final int[] ruleProperty;
    private final boolean[] ruleOnValidation;
    private final String[] ruleMetric;
    private final boolean recordRecon;

    /** The properties of {@code run}: lr, recon and its regularizers' weights. */
    public static RunProperties of(RunSpec run) {
        return of(run, Map.of());
    }

    /**
     * @param extra further named schedules (data properties), in the order their indices follow the regularizers';
     *              their names must differ from {@code lr}, {@code recon} and the regularizers'
     */
    public static RunProperties of(RunSpec run, Map<String, KeyframeSchedule> extra) {
        return new RunProperties(run, extra);
    }

    private RunProperties(RunSpec run, Map<String, KeyframeSchedule> extra) {
        TrainingSpec training = run.training();
        int steps = training.steps();
        List<KeyframeSchedule> schedules = new ArrayList<>();
        add("lr", training.lr(), schedules);
        add("recon", training.reconWeight(), schedules);
        for (RegularizerSpec r : run.regularizers()) add(r.name(), r.schedule(), schedules);
        this.regularizers = run.regularizers().size();
        extra.forEach((name, schedule) -> add(name, schedule, schedules));
        this.properties = new SmoothProperty[schedules.size()];
        for (int i = 0; i < properties.length; i++) properties[i] = new SmoothProperty(schedules.get(i), steps);
        List<ReactiveRule> rules = run.reactive();
        int maxChecks = steps / training.validateEvery() + 1;
        this.watches = new RuleWatch[rules.size()];
        this.ruleProperty = new int[rules.size()];
        this.ruleOnValidation = new boolean[rules.size()];
        this.ruleMetric = new String[rules.size()];
        boolean reconTargeted = false;
        for (int i = 0; i < rules.size(); i++) {
            ReactiveRule rule = rules.get(i);
            watches[i] = new RuleWatch(rule, maxChecks);
            ruleProperty[i] = index(rule.property());
            reconTargeted |= ruleProperty[i] == RECON;
            String metric = rule.when().metric();
            if (metric.startsWith("validation.")) {
                ruleOnValidation[i] = true;
                ruleMetric[i] = metric.substring("validation.".length());
            } else if (metric.startsWith("loss.")) {
                ruleMetric[i] = metric.substring("loss.".length());
            } else {
                throw new IllegalArgumentException("rule '" + rule.name() + "': metric '" + metric
                        + "' must be validation.<name> or loss.<name>");
            }
        }
        this.recordRecon = reconTargeted || !training.reconWeight().equals(TrainingSpec.RECON_WEIGHT);
    }

    private void add(String name, KeyframeSchedule schedule, List<KeyframeSchedule> schedules) {
        if (names.contains(name)) {
            throw new IllegalArgumentException("property names of a run must be unique, but '" + name
                    + "' is given twice (lr, recon, the regularizers and the data properties share one namespace)");
        }
        names.add(name);
        schedules.add(schedule);
    }

    /** lr, recon, the regularizers' names, the extras'. */
    public List<String> names() {
        return List.copyOf(names);
    }

    public int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("'" + name + "' is not a property of this run; valid: " + names);
        return i;
    }

    /** The index of regularizer r (in the run's order). */
    public static int regularizer(int r) {
        return 2 + r;
    }

    /** The live values of a property by step (0..steps); a rule that fires rewrites the steps after it. */
    public double[] values(int index) {
        return properties[index].values();
    }

    public double value(int index, int step) {
        return properties[index].value(step);
    }

    /**
     * Checks every rule after batch {@code step} was trained, at a validation step: {@code validation} holds the
     * validation metrics of that step, {@code losses} the training losses of batch {@code step} (exactly what the
     * history row of {@code step} records). A rule that fires moves its property from step + 1 on; rules fire in
     * the order of the run's list (by name), a later one starting from the state the earlier left.
     *
     * @return whether any rule fired
     */
    public boolean observe(int step, Map<String, Double> validation, Map<String, Double> losses) {
        boolean any = false;
        for (int i = 0; i < watches.length; i++) {
            Double v = (ruleOnValidation[i] ? validation : losses).get(ruleMetric[i]);
            if (!watches[i].check(step, v == null ? Double.NaN : v)) continue;
            SmoothProperty p = properties[ruleProperty[i]];
            ReactiveRule rule = watches[i].rule;
            int start = step + 1;
            if (start >= p.values().length) continue;
            p.moveTo(start, rule.goal().from(p.value(start)), rule.duration());
            any = true;
        }
        return any;
    }

    /**
     * The values used at {@code step} for a history row's {@code weights}: every regularizer, {@code recon} when
     * recon-weight is configured or a rule moves it, every extra property.
     */
    public void record(int step, Map<String, Double> weights) {
        if (recordRecon) weights.put("recon", value(RECON, step));
        for (int i = 2; i < properties.length; i++) weights.put(names.get(i), value(i, step));
    }

    /** The weights map of a history row (see {@link #record}). */
    public Map<String, Double> recorded(int step) {
        Map<String, Double> weights = new LinkedHashMap<>();
        record(step, weights);
        return weights;
    }
}
