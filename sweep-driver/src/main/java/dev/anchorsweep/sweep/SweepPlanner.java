package dev.anchorsweep.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.anchorsweep.config.ConfigFiles;
import dev.anchorsweep.config.ConfigProblem;
import dev.anchorsweep.config.ConfigReader;
import dev.anchorsweep.config.InvalidConfigException;
import dev.anchorsweep.config.RunConfigParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads a sweep file and plans every run of it: reads the {@code sweep}, {@code run} and {@code grid} sections,
 * expands the grid over the base run and parses every cell into a RunSpec, so that a bad cell fails before anything
 * runs.
 *
 * <pre>
 * sweep { name = isolated, description = "..." }   # name: [A-Za-z0-9][A-Za-z0-9_-]*, at most 100 characters
 * run { include "runs/ex-2.9.1.conf" }              # the base run (what RunConfigParser parses)
 * grid {                                            # optional, every key optional; the cross product is the grid
 *   seeds = "0..59"                                 # a range, a list [0, 1, 2] or one seed; default [run.seed]
 *   regularizer-subsets = [anchor, separate]        # every non-empty subset (2^n − 1 arms), or
 *   regularizer-sets = [[anchor], [anchor, separate]]
 *   schedules { "regularizers.anchor.weight" { early = [[0, 0.1], [500, 0]], late = 0.01 } }
 *   settings { "model.latent-dim" = [4, 5] }
 *   variants { ex-2.4.1 { include "runs/ex-2.4.1.conf" } }   # deep-merged over the base run
 * }
 * samples {                                         # optional: drawn points, crossed with the grid (SampleReader)
 *   points = 64, method = sobol, seed = 1
 *   settings { "regularizers.anchor.weight[2].value" { distribution = log-uniform, min = 0.01, max = 1 } }
 * }
 * </pre>
 *
 * A cell applies its variant, then its schedules and settings (their paths must exist in the run after the variant),
 * then its sampled point, then its regularizer choice, then its seed. Arms are named by their axis values (variant,
 * regularizers, schedules and settings by path, {@code sample=<k>}) and ordered by them; run_id = {@link RunId#of};
 * two cells giving the same run are an error.
 */
public final class SweepPlanner {

    /** The sections of a sweep file. */
    public static final List<String> SECTIONS = List.of("sweep", "run", "grid", "samples");
    /** The most runs one sweep may plan. */
    public static final int MAX_RUNS = 100_000;

    private SweepPlanner() {
    }

    /**
     * The plan of a sweep file.
     *
     * @throws InvalidConfigException with every problem found (file:line, config path, bad value, what is valid)
     */
    public static SweepPlan load(Path file) {
        Config loaded = ConfigFiles.load(file);
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigReader root = new ConfigReader(loaded.root(), "", problems);
        root.allowOnly(SECTIONS);
        String rootOrigin = ConfigReader.where(loaded.root().origin());

        ConfigReader sweep = section(root, "sweep", rootOrigin, "the sweep's name (its id and output folder), e.g."
                + " sweep { name = isolated }");
        String name = sweep == null ? null : name(sweep);
        String description = sweep == null ? null : description(sweep);

        ConfigReader run = section(root, "run", rootOrigin, "the base run of every cell, e.g. run { include"
                + " \"runs/ex-2.9.1.conf\" } (run {} takes every default)");
        ConfigObject baseRun = run == null ? null : run.object();

        List<Arm> arms = List.of();
        Grid grid = null;
        if (baseRun != null) {
            ConfigObject defaults = RunConfigParser.defaults().root();
            SampleAxis samples = new SampleReader(problems, file.toAbsolutePath().getParent()).read(root);
            grid = new GridReader(problems, Set.copyOf(defaults.keySet())).read(root, baseRun.withFallback(defaults),
                    samples);
            if (grid != null) {
                RunConfigParser parser = new RunConfigParser(file.toAbsolutePath().getParent());
                ConfigValue gridValue = root.value("grid");
                String gridOrigin = gridValue == null ? rootOrigin : ConfigReader.where(gridValue.origin());
                arms = new GridExpander(parser, problems).expand(grid, baseRun, gridOrigin);
            }
        }
        if (!problems.isEmpty()) throw new InvalidConfigException(problems);

        String text = loaded.root().render(ConfigRenderOptions.defaults().setOriginComments(false)
                .setComments(false).setJson(false));
        SweepConfig config = new SweepConfig(name, description, file, text, baseRun);
        return new SweepPlan(config, grid.axes(), arms, arms.stream().flatMap(a -> a.runs().stream()).toList());
    }

    /** A section of the file, or null after a problem when it is missing or not an object. */
    private static ConfigReader section(ConfigReader root, String key, String rootOrigin, String what) {
        if (!root.has(key)) {
            root.problems().add(new ConfigProblem(rootOrigin, key, "the sweep file has no '" + key + "' section: it"
                    + " needs " + what));
            return null;
        }
        return root.child(key);
    }

    private static String name(ConfigReader sweep) {
        sweep.allowOnly(List.of("name", "description"));
        if (!sweep.has("name")) {
            sweep.problems().add(new ConfigProblem(ConfigReader.where(sweep.object().origin()), sweep.path("name"),
                    "needs a name: the sweep id and default output folder, e.g. name = isolated"));
            return null;
        }
        ConfigValue v = sweep.value("name");
        if (v.valueType() != ConfigValueType.STRING) {
            sweep.problem("name", "must be a string like isolated or \"regularizer-study\", but got "
                    + ConfigReader.describe(v));
            return null;
        }
        String name = (String) v.unwrapped();
        if (!SweepConfig.NAME.matcher(name).matches()) {
            sweep.problem("name", "a sweep name must start with a letter or digit and hold only letters, digits, '_'"
                    + " and '-' (" + SweepConfig.NAME.pattern() + "; it names the output folder), but got '" + name + "'");
            return null;
        }
        if (name.length() > SweepConfig.MAX_NAME_LENGTH) {
            sweep.problem("name", "a sweep name must have at most " + SweepConfig.MAX_NAME_LENGTH + " characters, but"
                    + " got " + name.length());
            return null;
        }
        return name;
    }

    private static String description(ConfigReader sweep) {
        return sweep.has("description") ? sweep.string("description") : "";
    }
}
