package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.anchorsweep.config.ConfigProblem;
import dev.anchorsweep.config.ConfigReader;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code grid.seeds}: a range {@code "0..59"} (inclusive, going up), a list {@code [0, 1, 2]} (distinct) or one
 * seed; without it, the base run's {@code seed}. Seeds are whole numbers in 0..Integer.MAX_VALUE, sorted.
 */
final class SeedReader {

    static final Pattern SEED_RANGE = Pattern.compile("\\s*(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)\\s*");

    private final List<ConfigProblem> problems;

    SeedReader(List<ConfigProblem> problems) {
        this.problems = problems;
    }

    /** The seed axis of a grid section, or null after a problem. */
    SeedAxis read(ConfigReader g, ConfigObject baseRun) {
        if (!g.has("seeds")) {
            Integer seed = new ConfigReader(baseRun, "run", problems).integer("seed", 0, Integer.MAX_VALUE);
            return seed == null ? null
                    : new SeedAxis(List.of(seed), new AxisSource(ConfigReader.where(baseRun.get("seed").origin()),
                    "run.seed"));
        }
        ConfigValue v = g.value("seeds");
        String path = g.path("seeds");
        List<Long> seeds;
        if (v.valueType() == ConfigValueType.NUMBER) {
            Long seed = seed(v, path);
            seeds = seed == null ? null : List.of(seed);
        } else if (v.valueType() == ConfigValueType.STRING) {
            seeds = seedRange(v, path);
        } else if (v instanceof ConfigList list) {
            seeds = seedList(list, path);
        } else if (v instanceof ConfigObject) {
            return new AdaptiveSeedReader(problems).read(g.child("seeds"));
        } else {
            problem(v, path, "must be a range like \"0..59\", a list of seeds like [0, 1, 2], one seed or { adaptive { ... } },"
                    + " but got " + ConfigReader.describe(v));
            seeds = null;
        }
        if (seeds == null) return null;
        return new SeedAxis(seeds.stream().map(Long::intValue).sorted().toList(),
                new AxisSource(ConfigReader.where(v.origin()), path));
    }

    /** One seed: a whole number in 0..Integer.MAX_VALUE, or null after a problem. */
    private Long seed(ConfigValue v, String path) {
        double d = ((Number) v.unwrapped()).doubleValue();
        if (d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) {
            problem(v, path, "a seed must be a whole number in 0.." + Integer.MAX_VALUE + ", but got "
                    + ConfigReader.describe(v));
            return null;
        }
        return (long) d;
    }

    private List<Long> seedRange(ConfigValue v, String path) {
        String text = (String) v.unwrapped();
        Matcher m = SEED_RANGE.matcher(text);
        if (!m.matches()) {
            problem(v, path, "must be a range like \"0..59\", a list of seeds like [0, 1, 2] or one seed, but got "
                    + ConfigReader.describe(v));
            return null;
        }
        long first;
        long last;
        try {
            first = Long.parseLong(m.group(1));
            last = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            problem(v, path, "seeds must be whole numbers in 0.." + Integer.MAX_VALUE + ", but got " + text);
            return null;
        }
        if (first < 0 || last > Integer.MAX_VALUE) {
            problem(v, path, "seeds must be in 0.." + Integer.MAX_VALUE + ", but got " + first + ".." + last);
            return null;
        }
        if (last < first) {
            problem(v, path, "seed range must go up, but got " + first + ".." + last
                    + " (the grid has no runs; write " + last + ".." + first + ")");
            return null;
        }
        if (last - first + 1 > SweepPlanner.MAX_RUNS) {
            problem(v, path, "seed range " + first + ".." + last + " has " + (last - first + 1) + " seeds, more than the "
                    + SweepPlanner.MAX_RUNS + " runs one sweep may plan");
            return null;
        }
        List<Long> seeds = new ArrayList<>();
        for (long s = first; s <= last; s++) seeds.add(s);
        return seeds;
    }

    private List<Long> seedList(ConfigList list, String path) {
        if (list.isEmpty()) {
            problem(list, path, "the grid has no runs: grid.seeds is an empty list; give at least one seed, e.g."
                    + " seeds = \"0..9\" or seeds = [0]");
            return null;
        }
        List<Long> seeds = new ArrayList<>();
        for (ConfigValue e : list) {
            if (e.valueType() != ConfigValueType.NUMBER) {
                problem(e, path, "a seed must be a whole number in 0.." + Integer.MAX_VALUE + ", but got "
                        + ConfigReader.describe(e));
                return null;
            }
            Long seed = seed(e, path);
            if (seed == null) return null;
            if (seeds.contains(seed)) {
                problem(e, path, "seeds must be distinct, but " + seed + " appears twice");
                return null;
            }
            seeds.add(seed);
        }
        return seeds;
    }

    private void problem(ConfigValue at, String path, String message) {
        problems.add(new ConfigProblem(ConfigReader.where(at.origin()), path, message));
    }
}
