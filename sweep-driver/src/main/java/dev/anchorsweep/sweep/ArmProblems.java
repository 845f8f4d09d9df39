package dev.anchorsweep.sweep;

import dev.anchorsweep.config.ConfigProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problems found in some of a grid's arms (or variants). A problem that several of them share is reported once, with
 * the ones it occurs in named in front of its message: {@code arm 'model.latent-dim=4': ...}.
 */
final class ArmProblems {

    private static final int NAMED = 3;

    private final String noun;
    private final Map<ConfigProblem, List<String>> where = new LinkedHashMap<>();

    /** @param noun what the names name: "arm" or "variant" */
    ArmProblems(String noun) {
        this.noun = noun;
    }

    void add(String name, List<ConfigProblem> problems) {
        for (ConfigProblem p : problems) where.computeIfAbsent(p, k -> new ArrayList<>()).add(name);
    }

    /** Each problem once, its message led by the names it occurs in; {@code total}: how many there are in all. */
    List<ConfigProblem> located(int total) {
        List<ConfigProblem> out = new ArrayList<>();
        where.forEach((p, names) -> out.add(new ConfigProblem(p.origin(), p.path(), prefix(names, total) + p.message())));
        return out;
    }

    private String prefix(List<String> names, int total) {
        if (names.size() == 1) return noun + " '" + names.get(0) + "': ";
        if (names.size() == total) return "every " + noun + " (" + total + "): ";
        StringBuilder sb = new StringBuilder(noun + "s ");
        for (int i = 0; i < Math.min(NAMED, names.size()); i++) {
            sb.append(i == 0 ? "" : i == names.size() - 1 ? " and " : ", ").append('\'').append(names.get(i)).append('\'');
        }
        if (names.size() > NAMED) sb.append(" and ").append(names.size() - NAMED).append(" more");
        return sb.append(": ").toString();
    }
}
