package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValueFactory;

import java.util.List;

/** The seeds every arm runs with (ascending, distinct): {@code grid.seeds}, or the base run's seed. */
public record SeedAxis(List<Integer> seeds, AxisSource source) implements SweepAxis {

    public SeedAxis {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) throw new IllegalArgumentException("a seed axis needs at least one seed");
        for (int i = 1; i < seeds.size(); i++) {
            if (seeds.get(i) <= seeds.get(i - 1)) {
                throw new IllegalArgumentException("seeds must increase, but got " + seeds.get(i) + " after "
                        + seeds.get(i - 1));
            }
        }
    }

    @Override
    public String name() {
        return "seed";
    }

    @Override
    public List<String> labels() {
        return seeds.stream().map(String::valueOf).toList();
    }

    @Override
    public ConfigObject apply(ConfigObject run, int index) {
        return run.withValue("seed", ConfigValueFactory.fromAnyRef(seeds.get(index), source.configPath()));
    }

    /** The seeds with runs of consecutive seeds as ranges, e.g. {@code 0..59} or {@code 0..4, 10, 20..21}. */
    public String compact() {
        StringBuilder sb = new StringBuilder();
        int start = 0;
        for (int i = 1; i <= seeds.size(); i++) {
            if (i == seeds.size() || seeds.get(i) != seeds.get(i - 1) + 1) {
                if (!sb.isEmpty()) sb.append(", ");
                sb.append(seeds.get(start));
                if (i - 1 > start) sb.append(i - 1 == start + 1 ? ", " : "..").append(seeds.get(i - 1));
                start = i;
            }
        }
        return sb.toString();
    }
}
