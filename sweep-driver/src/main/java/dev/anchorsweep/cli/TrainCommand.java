package dev.anchorsweep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValueFactory;
import dev.anchorsweep.config.ConfigFiles;
import dev.anchorsweep.config.ConfigProblem;
import dev.anchorsweep.config.InvalidConfigException;
import dev.anchorsweep.config.RunConfigParser;
import dev.anchorsweep.evaluation.ErrorTable;
import dev.anchorsweep.evaluation.RunEvaluation;
import dev.anchorsweep.evaluation.RunEvaluator;
import dev.anchorsweep.run.InterventionSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.train.TrainerFactory;
import dev.anchorsweep.train.TrainedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Trains one run of a config's {@code run} section, without Spark, and prints its per-colour errors. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train one run from a HOCON config (its `run` section; no Spark) and print the per-colour "
                + "error of the named colours under baseline and each intervention.")
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "HOCON file with a `run` section")
    Path config;

    @Option(names = "--seed", description = "seed of the run (default: run.seed of the config)")
    Integer seed;

    @Option(names = "--json", description = "print one JSON object on stdout instead of tables")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ConfigArgument.require(config);
        if (seed != null && seed < 0) throw new BadArgument("--seed " + seed + ": must be a whole number ≥ 0");
        RunSpec spec = load(config, seed);
        TrainedRun trained = TrainerFactory.trainer().train(List.of(spec)).get(0);
        RunEvaluation evaluation = trained.ok() ? new RunEvaluator().evaluate(trained) : null;
        List<String> interventions = spec.interventions().stream().map(InterventionSpec::name).toList();
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(summary(trained, evaluation, interventions)));
        } else {
            print(trained, evaluation, interventions);
        }
        return trained.ok() ? 0 : 3;
    }

    /** The run section of a config file as a RunSpec, with an optional seed override. */
    static RunSpec load(Path file, Integer seed) {
        Config config = ConfigFiles.load(file);
        if (!config.hasPath("run")) {
            throw new InvalidConfigException(List.of(new ConfigProblem(file.toString(), "run",
                    "the config has no `run` section (the settings of a run; see configs/paper/isolated.conf)")));
        }
        ConfigObject run = config.getObject("run");
        if (seed != null) run = run.withValue("seed", ConfigValueFactory.fromAnyRef(seed, "--seed"));
        Path dir = file.toAbsolutePath().getParent();
        return new RunConfigParser(dir).parse(run, "run");
    }

    private static Map<String, Object> summary(TrainedRun trained, RunEvaluation evaluation, List<String> columns) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seed", trained.spec().seed());
        out.put("status", trained.stopped() ? "stopped" : trained.ok() ? "ok" : "failed");
        if (trained.stopped()) {
            out.put("stopped_step", trained.stop().step());
            out.put("stop_rule", trained.stop().rule());
        }
        if (!trained.ok()) {
            out.put("error", trained.failure().error());
            out.put("failed_step", trained.failure().step());
        }
        out.put("train_seconds", trained.trainSeconds());
        out.put("label_counts", trained.labelCounts());
        out.put("final_losses", trained.finalLosses());
        out.put("validation", trained.finalValidation());
        if (evaluation != null) {
            ErrorTable table = ErrorTable.of(evaluation, columns);
            out.put("evaluations", table.errors());
            out.put("scores", evaluation.scores());
            out.put("eval_seconds", evaluation.seconds());
        }
        return out;
    }

    private static void print(TrainedRun trained, RunEvaluation evaluation, List<String> columns) {
        RunSpec spec = trained.spec();
        System.out.printf("run: seed %d, K=%d, N=%d, %d steps, regularizers %s%n", spec.seed(),
                spec.architecture().latentDim(), spec.architecture().layersPerSide(), spec.training().steps(),
                spec.regularizerNames());
        System.out.printf("trained in %.2f s; labels drawn: %s%n", trained.trainSeconds(), trained.labelCounts());
        if (!trained.ok()) {
            System.out.println("FAILED: " + trained.failure().error());
            return;
        }
        System.out.printf("validation: %s%n", fmt(trained.finalValidation()));
        System.out.println();
        System.out.print(ErrorTable.of(evaluation, columns).render());
        if (!evaluation.scores().isEmpty()) {
            System.out.println();
            System.out.printf("selectivity score (r²): %s%n", fmt(evaluation.scores()));
        }
    }

    private static String fmt(Map<String, Double> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(String.format("%.4g", v)));
        return sb.toString();
    }
}
