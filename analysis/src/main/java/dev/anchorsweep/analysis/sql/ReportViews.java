package dev.anchorsweep.analysis.sql;

import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The report's views over the result tables, each defined by {@code views/<name>.sql}, registered in dependency order.
 * A view is skipped when a table it needs is absent (e.g. a folder without {@code latents}).
 */
public final class ReportViews {

    /** A report view: its name (= its resource {@code views/<name>.sql}) and the tables it reads. */
    public record View(String name, List<String> needs, String description) {
    }

    public static final List<View> ALL = List.of(
            new View("run_flags", List.of("runs"),
                    "one row per ok run: degenerate (val recon far above its arm's or a constant grey's) and why"),
            new View("arm_runs", List.of("runs", "run_flags"),
                    "one row per arm: runs ok / failed / stopped / degenerate, seeds, training time"),
            new View("run_errors", List.of("runs", "evaluations", "run_flags"),
                    "one row per ok run and intervention: concept's error (its colour, or median of its colour group), "
                            + "worst off-target error, score, degenerate"),
            new View("arm_summary", List.of("run_errors"),
                    "one row per arm and intervention: median and quartiles across seeds of run_errors' metrics "
                            + "(degenerate runs left out)"),
            new View("selection_candidates", List.of("runs"),
                    "one row per ok run: on its arm's Pareto front or not, selection rank"),
            new View("best_runs", List.of("selection_candidates"),
                    "the best run of every arm (Pareto front of selection metrics vs score, then highest score)"),
            new View("best_run_colors", List.of("best_runs", "evaluations"),
                    "the named colours of every best run under baseline and each intervention"),
            new View("selectivity", List.of("runs", "evaluations"),
                    "the selectivity score recomputed with corr() on the rgb-grid, next to runs.scores"),
            new View("latent_geometry", List.of("runs", "latents"),
                    "per ok run: cosine of red to its concept direction, vibrant hues' norm share in dims 0-1"),
            new View("sampled_settings", List.of("runs", "run_flags"),
                    "sampled sweeps: one row per ok run and sampled setting, its drawn value and the outcome "
                            + "(selection score)"),
            new View("run_phases", List.of("runs", "history"),
                    "one row per ok run and phase: the config's named phases, else cut where a schedule jumps"),
            new View("loss_spikes", List.of("run_phases", "history"),
                    "one row per ok run and phase change: largest loss within 100 steps after it over the median "
                            + "loss within 100 steps before"),
            new View("phase_loss", List.of("run_phases", "history"),
                    "one row per ok run and phase: mean and variance of the loss from 100 steps after its start"),
            new View("spike_summary", List.of("run_flags", "loss_spikes", "phase_loss"),
                    "one row per arm: median and quartiles across seeds of the largest loss spike and the mean "
                            + "within-phase loss variance"),
            new View("stopping_summary", List.of("runs"),
                    "one row per arm: runs, stopped by a stopping rule, steps trained, steps saved and % saved"));

    private ReportViews() {
    }

    public static List<String> register(SparkSession spark, List<String> tables) {
        return register(spark, tables, null);
    }

    /**
     * Registers the views among {@code wanted} (null: all) and the views they read, of those whose tables are present;
     * returns the names of every view that could be registered over {@code tables}, registered or not. Each view costs
     * Spark an analysis of its plan (~0.3 s in a fresh JVM), so a single query registers only what it reads. A view
     * holds the plan of the views it reads as they were when it was registered: register them again together.
     */
    public static List<String> register(SparkSession spark, List<String> tables, Set<String> wanted) {
        List<String> available = new ArrayList<>();
        for (View view : ALL) {
            List<String> present = new ArrayList<>(tables);
            present.addAll(available);
            if (present.containsAll(view.needs())) available.add(view.name());
        }
        Set<String> needed = new HashSet<>(wanted == null ? available : wanted);
        for (int i = ALL.size() - 1; i >= 0; i--) { // a view's needs come before it in ALL
            if (needed.contains(ALL.get(i).name())) needed.addAll(ALL.get(i).needs());
        }
        // each view is registered as its analysed plan (a view that reads another holds that one's plan, analysed
        // once), as soon as the views it reads are; views that do not read each other are analysed side by side
        ExecutorService analysts = Executors.newFixedThreadPool(ANALYSTS, r -> {
            Thread t = new Thread(r, "view-analysis");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, CompletableFuture<Void>> registered = new HashMap<>();
            for (View view : ALL) {
                if (!available.contains(view.name()) || !needed.contains(view.name())) continue;
                CompletableFuture<?>[] reads = view.needs().stream().map(registered::get).filter(Objects::nonNull)
                        .toArray(CompletableFuture[]::new);
                String sql = SqlResource.load("views/" + view.name() + ".sql").text();
                registered.put(view.name(), CompletableFuture.allOf(reads)
                        .thenRunAsync(() -> spark.sql(sql).createOrReplaceTempView(view.name()), analysts));
            }
            CompletableFuture.allOf(registered.values().toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        } finally {
            analysts.shutdown();
        }
        return available;
    }

    /** Views analysed at the same time. */
    private static final int ANALYSTS = 2;
}
