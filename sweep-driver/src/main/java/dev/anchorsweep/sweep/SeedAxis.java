package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValueFactory;

import dev.anchorsweep.analysis.adaptive.SeedRule;

import java.util.List;

/**
 * The seeds every arm runs with (ascending, distinct): {@code grid.seeds}, or the base run's seed. With an adaptive
 * rule ({@code grid.seeds { adaptive { ... } }}) these are the most seeds an arm may take, 0 … max − 1, of which the
 * driver spends the first ones in rounds.
 *
 * @param adaptive the adaptive rule, or null for a fixed seed list
 */
public record SeedAxis(List<Integer> seeds, AxisSource source, SeedRule adaptive) implements SweepAxis {

    public SeedAxis(List<Integer> seeds, AxisSource source) {
        this(seeds, source, null);
    }

    public SeedAxis {
        seeds = List.copyOf(seeds);
        if (adaptive != null && seeds.size() != adaptive.max()) {
            throw new IllegalArgumentException("an adaptive seed axis holds seeds 0.." + (adaptive.max() - 1)
                    + ", but got " + seeds.size() + " seeds");
        }
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
