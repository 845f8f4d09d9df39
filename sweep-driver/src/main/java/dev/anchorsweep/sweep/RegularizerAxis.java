package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import dev.anchorsweep.config.DidYouMean;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of the listed regularizers of the run each arm keeps ({@code grid.regularizer-subsets}: every non-empty
 * subset; {@code grid.regularizer-sets}: the given sets). Regularizers of the run that are not listed stay in every
 * run; a dropped regularizer also leaves {@code evaluation.selection.minimize}.
 *
 * @param listed the regularizers the axis chooses among, in the order of the config
 * @param sets   the members each value keeps, each in the order of the config
 */
public record RegularizerAxis(List<String> listed, List<List<String>> sets, AxisSource source) implements SweepAxis {

    /** The label of a set that keeps none of the listed regularizers. */
    public static final String NONE = "none";
    static final String MINIMIZE = "evaluation.selection.minimize";

    public RegularizerAxis {
        listed = List.copyOf(listed);
        sets = sets.stream().map(List::copyOf).toList();
        if (sets.isEmpty()) throw new IllegalArgumentException("a regularizer axis needs at least one set");
        for (List<String> set : sets) {
            if (!listed.containsAll(set)) {
                throw new IllegalArgumentException("every set must keep listed regularizers only, but " + set
                        + " is not within " + listed);
            }
        }
    }

    /** Every non-empty subset of {@code listed}, by increasing bitmask (bit i = listed[i]): 2^n − 1 values. */
    public static RegularizerAxis subsets(List<String> listed, AxisSource source) {
        if (listed.isEmpty() || listed.size() > 30) {
            throw new IllegalArgumentException("subsets need 1..30 regularizers, but got " + listed.size());
        }
        List<List<String>> sets = new ArrayList<>();
        for (int mask = 1; mask < 1 << listed.size(); mask++) {
            List<String> set = new ArrayList<>();
            for (int i = 0; i < listed.size(); i++) {
                if ((mask & 1 << i) != 0) set.add(listed.get(i));
            }
            sets.add(set);
        }
        return new RegularizerAxis(listed, sets, source);
    }

    /** The given sets; the listed regularizers are their union, in order of first appearance. */
    public static RegularizerAxis of(List<List<String>> sets, AxisSource source) {
        Set<String> union = new LinkedHashSet<>();
        sets.forEach(union::addAll);
        return new RegularizerAxis(new ArrayList<>(union), sets, source);
    }

    @Override
    public String name() {
        return "regularizers";
    }

    @Override
    public List<String> labels() {
        return sets.stream().map(s -> s.isEmpty() ? NONE : String.join("+", s)).toList();
    }

    /**
     * Drops the listed regularizers that value {@code index} does not keep, and their validation metrics from
     * {@code evaluation.selection.minimize} (a dropped regularizer has no metric to minimise).
     */
    @Override
    public ConfigObject apply(ConfigObject run, int index) {
        ConfigValue regularizers = run.get("regularizers");
        if (!(regularizers instanceof ConfigObject present)) return run;
        List<String> dropped = listed.stream().filter(name -> !sets.get(index).contains(name)).toList();
        for (String name : dropped) present = present.withoutKey(name);
        ConfigObject out = run.withValue("regularizers", present);
        if (RunPaths.valueAt(out, MINIMIZE) instanceof ConfigList minimize) {
            List<ConfigValue> kept = minimize.stream().filter(v -> !dropped.contains(v.unwrapped())).toList();
            if (kept.size() < minimize.size()) {
                out = RunPaths.withValue(out, MINIMIZE, ConfigValueFactory.fromIterable(kept, minimize.origin()
                        .description()));
            }
        }
        return out;
    }

    @Override
    public Optional<String> mismatch(ConfigObject run) {
        ConfigValue regularizers = run.get("regularizers");
        Set<String> defined = regularizers instanceof ConfigObject o ? new TreeSet<>(o.keySet()) : new TreeSet<>();
        List<String> missing = listed.stream().filter(name -> !defined.contains(name)).toList();
        if (missing.isEmpty()) return Optional.empty();
        List<String> parts = missing.stream().map(name -> "'" + name + "'" + DidYouMean.suggest(name, defined)
                .map(s -> " (did you mean '" + s + "'?)").orElse("")).toList();
        return Optional.of((missing.size() == 1 ? "regularizer " + parts.get(0) + " is"
                : "regularizers " + String.join(", ", parts) + " are") + " not defined in the run (its regularizers: "
                + (defined.isEmpty() ? "none" : String.join(", ", defined)) + ")");
    }
}
