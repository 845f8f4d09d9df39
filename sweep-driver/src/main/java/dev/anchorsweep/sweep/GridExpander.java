package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigObject;
import dev.anchorsweep.config.ConfigProblem;
import dev.anchorsweep.config.RunConfigParser;
import dev.anchorsweep.run.RunSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a grid over a base run into arms and their runs: every cell applies its axis values to the base run, sets
 * its seed and is parsed into a {@link RunSpec}. Problems are recorded with the arm (or variant) they occur in; a bad
 * arm plans no runs.
 */
final class GridExpander {

    private final RunConfigParser parser;
    private final ConfigObject defaults;
    private final List<ConfigProblem> problems;

    GridExpander(RunConfigParser parser, List<ConfigProblem> problems) {
        this.parser = parser;
        this.defaults = RunConfigParser.defaults().root();
        this.problems = problems;
    }

    /**
     * @param baseRun    the run section as written
     * @param gridOrigin file:line of the grid (where duplicate runs are reported)
     */
    List<Arm> expand(Grid grid, ConfigObject baseRun, String gridOrigin) {
        List<SweepAxis> axes = grid.armAxes();
        VariantAxis variants = axes.stream().filter(a -> a instanceof VariantAxis).map(a -> (VariantAxis) a)
                .findFirst().orElse(null);
        ConfigObject[] variantRuns = variantRuns(grid, variants, baseRun);
        List<SweepAxis> order = grid.applicationOrder();

        ArmProblems armProblems = new ArmProblems("arm");
        List<Arm> arms = new ArrayList<>();
        Map<String, PlannedRun> byId = new HashMap<>();
        Set<String> reportedPairs = new HashSet<>();
        int armCount = 0;
        int[] cell = new int[axes.size()];
        do {
            armCount++;
            int variant = variants == null ? 0 : cell[axes.indexOf(variants)];
            if (variantRuns[variant] == null) continue;
            ConfigObject run = variantRuns[variant];
            for (SweepAxis axis : order) {
                if (!(axis instanceof VariantAxis)) run = axis.apply(run, cell[axes.indexOf(axis)]);
            }
            String name = armName(axes, cell);
            Map<String, String> labels = new LinkedHashMap<>();
            for (int i = 0; i < axes.size(); i++) labels.putAll(axes.get(i).axisValues(cell[i]));
            List<PlannedRun> runs = runs(grid.seeds(), run, name, labels, armProblems);
            if (runs == null) continue;
            for (PlannedRun r : runs) {
                PlannedRun same = byId.putIfAbsent(r.runId(), r);
                if (same != null && reportedPairs.add(same.arm() + "\n" + r.arm())) {
                    problems.add(new ConfigProblem(gridOrigin, "grid", "arms '" + same.arm() + "' and '" + r.arm()
                            + "' give the same run (seed " + r.seed() + ", run_id " + r.runId() + "): the axis values"
                            + " that tell them apart have no effect on the run"));
                }
            }
            arms.add(new Arm(name, labels, runs));
        } while (next(cell, axes));
        problems.addAll(armProblems.located(armCount));
        return arms;
    }

    /**
     * The base run after each variant (one entry when there are no variants), or null for a variant that the other
     * axes do not fit (recorded as problems, with the problems of the variant's run itself).
     */
    private ConfigObject[] variantRuns(Grid grid, VariantAxis variants, ConfigObject baseRun) {
        int n = variants == null ? 1 : variants.size();
        ConfigObject[] out = new ConfigObject[n];
        ArmProblems variantProblems = new ArmProblems("variant");
        List<ConfigProblem> located = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            ConfigObject run = variants == null ? baseRun : variants.apply(baseRun, v);
            ConfigObject withDefaults = run.withFallback(defaults);
            List<ConfigProblem> found = new ArrayList<>();
            for (SweepAxis axis : grid.armAxes()) found.addAll(axis.mismatches(withDefaults));
            if (!found.isEmpty()) {
                // its arms cannot be built; still report what is wrong with the run itself
                parser.parse(grid.seeds().apply(run, 0), "run", found);
            }
            if (variants == null) located.addAll(found);
            else variantProblems.add(variants.names().get(v), found);
            out[v] = found.isEmpty() ? run : null;
        }
        problems.addAll(located);
        problems.addAll(variantProblems.located(n));
        return out;
    }

    /**
     * The runs of one arm, by seed; null when its run section has problems (recorded once for the arm). The cell of
     * the first seed is parsed in full; as the seed is a plain number that nothing else in a run depends on (and the
     * seed axis holds only valid seeds), the other seeds' specs are that spec with their seed, which saves a parse
     * per run (a test checks that they equal their cells parsed in full).
     */
    private List<PlannedRun> runs(SeedAxis seeds, ConfigObject run, String arm, Map<String, String> labels,
                                  ArmProblems armProblems) {
        List<ConfigProblem> found = new ArrayList<>();
        RunSpec first = parser.parse(seeds.apply(run, 0), "run", found);
        if (first == null) {
            armProblems.add(arm, found);
            return null;
        }
        List<PlannedRun> out = new ArrayList<>(seeds.size());
        for (int seed : seeds.seeds()) {
            RunSpec spec = seed == first.seed() ? first : first.withSeed(seed);
            out.add(new PlannedRun(RunId.of(spec), arm, labels, seed, spec));
        }
        return out;
    }

    static String armName(List<SweepAxis> axes, int[] cell) {
        if (axes.isEmpty()) return Arm.BASE;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) parts.add(axes.get(i).armPart(cell[i]));
        return String.join(", ", parts);
    }

    /** Advances an odometer over the axes, the last axis fastest; false after the last cell. */
    private static boolean next(int[] cell, List<SweepAxis> axes) {
        for (int i = cell.length - 1; i >= 0; i--) {
            if (++cell[i] < axes.get(i).size()) return true;
            cell[i] = 0;
        }
        return false;
    }
}
