package dev.anchorsweep.driver;

import dev.anchorsweep.analysis.report.DegenerateRule;
import dev.anchorsweep.color.Rgb;
import dev.anchorsweep.evaluation.ColorEvaluation;
import dev.anchorsweep.evaluation.RunEvaluation;
import dev.anchorsweep.job.ConceptErrors;
import dev.anchorsweep.job.RunOutcome;
import dev.anchorsweep.job.RunTicket;
import dev.anchorsweep.results.RunRow;
import dev.anchorsweep.run.RunSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The table a sweep prints at the end: per arm, runs ok / failed (and stopped, when a stopping rule stopped any) and, under baseline and each intervention, the
 * median error of the run's concept colour (e.g. red) and of its complement (e.g. cyan) — whether the concept is gone
 * and the rest untouched; for a concept without a single colour (vibrancy), the median error of its colour group (the
 * 12 hues) and the worst error of the other named colours (black, greys, white), as the report's {@code run_errors}
 * defines them. Degenerate runs ({@link DegenerateRule}) are counted and left out of the medians. Built from the runs'
 * outcomes; runs committed before this invocation (or by an earlier attempt of a retried task) are read back from their
 * rows ({@link #committed}) and measured by the same {@link ConceptErrors}.
 */
public record SweepSummary(List<String> interventions, List<ArmLine> arms) {

    /**
     * Medians over the arm's ok runs that are not degenerate, per intervention; names as its runs report them (null if
     * none): the concept colour and its complement, or, when {@code group}, the concept's colour group and the other
     * group, whose worst error {@code medianComplementError} then holds.
     */
    public record ArmLine(String arm, long ok, long stopped, long failed, long degenerate, String conceptColor, String complementColor,
                          boolean group, Map<String, Double> medianConceptError,
                          Map<String, Double> medianComplementError) {
    }

    /** One line per arm (sorted by name). */
    public static SweepSummary of(Collection<RunOutcome> runs) {
        Map<String, List<RunOutcome>> byArm = new TreeMap<>();
        for (RunOutcome r : runs) byArm.computeIfAbsent(r.arm(), a -> new ArrayList<>()).add(r);
        TreeSet<String> interventions = new TreeSet<>();
        List<ArmLine> lines = new ArrayList<>();
        byArm.forEach((arm, armRuns) -> {
            List<ConceptErrors> ok = armRuns.stream().filter(RunOutcome::ok).map(RunOutcome::errors).toList();
            List<Double> recons = ok.stream().map(ConceptErrors::valRecon).filter(v -> v != null).toList();
            double armMedian = recons.isEmpty() ? Double.NaN : median(recons);
            List<ConceptErrors> usable = ok.stream()
                    .filter(e -> !DegenerateRule.degenerate(e.valRecon(), armMedian)).toList();
            Map<String, Double> concept = medians(usable.stream().map(ConceptErrors::concept).toList());
            Map<String, Double> complement = medians(usable.stream().map(ConceptErrors::other).toList());
            interventions.addAll(concept.keySet());
            long stopped = armRuns.stream().filter(RunOutcome::stopped).count();
            lines.add(new ArmLine(arm, ok.size(), stopped, armRuns.size() - ok.size() - stopped, ok.size() - usable.size(),
                    name(ok, ConceptErrors::conceptLabel), name(ok, ConceptErrors::otherLabel),
                    ok.stream().anyMatch(ConceptErrors::group), concept, complement));
        });
        List<String> columns = new ArrayList<>();
        if (interventions.remove("baseline")) columns.add("baseline");
        columns.addAll(interventions);
        return new SweepSummary(columns, lines);
    }

    /**
     * The outcomes of committed runs read back from the tables; host, pack size and training time as recorded. Their
     * errors are computed from their {@code named} evaluation rows by {@link ConceptErrors#of}, as the workers compute
     * them for the runs they train, so a resumed sweep prints what a fresh one prints. Two plain scans (the runs rows
     * and the named rows of the sweep): the report's {@code run_errors} view defines the same numbers in SQL, but
     * planning and running it over a large sweep took tens of seconds.
     *
     * @param runs   the committed runs to read back (their specs name their concepts)
     * @param tables the result tables registered as views ({@code runs} among them)
     */
    static List<RunOutcome> committed(SparkSession spark, String sweepId, Collection<RunTicket> runs, List<String> tables) {
        if (runs.isEmpty()) return List.of();
        Map<String, RunSpec> specs = new HashMap<>();
        runs.forEach(t -> specs.put(t.runId(), t.spec()));
        Map<String, List<ColorEvaluation>> named = new HashMap<>();
        if (tables.contains("evaluations")) {
            for (Row row : spark.sql("""
                    SELECT run_id, intervention, color_index, color_name, r, g, b, out_r, out_g, out_b, error, similarity
                    FROM evaluations WHERE sweep_id = '%s' AND color_set = 'named'""".formatted(sweepId)).collectAsList()) {
                if (!specs.containsKey(row.getString(0))) continue;
                named.computeIfAbsent(row.getString(0), k -> new ArrayList<>()).add(new ColorEvaluation(
                        row.getString(1), "named", row.getInt(2), row.getString(3),
                        new Rgb(row.getDouble(4), row.getDouble(5), row.getDouble(6)),
                        new double[]{row.getDouble(7), row.getDouble(8), row.getDouble(9)}, row.getDouble(10),
                        row.isNullAt(11) ? null : row.getDouble(11)));
            }
        }
        List<RunOutcome> outcomes = new ArrayList<>();
        for (Row row : spark.sql("""
                SELECT run_id, arm, status, error, train_seconds, pack_size, host, val_recon
                FROM runs WHERE sweep_id = '%s'""".formatted(sweepId)).collectAsList()) {
            String runId = row.getString(0);
            if (!specs.containsKey(runId)) continue;
            boolean ok = RunRow.OK.equals(row.getString(2));
            Double valRecon = row.isNullAt(7) ? null : row.getDouble(7);
            List<ColorEvaluation> colors = named.get(runId);
            ConceptErrors errors = !ok ? ConceptErrors.NONE : ConceptErrors.of(specs.get(runId),
                    colors == null ? null : new RunEvaluation(colors, List.of(), Map.of(), 0), valRecon);
            outcomes.add(new RunOutcome(runId, row.getString(1), row.getString(2), row.getString(3),
                    row.getDouble(4), row.getInt(5), row.getString(6), errors));
        }
        return outcomes;
    }

    public int ok() {
        return (int) arms.stream().mapToLong(ArmLine::ok).sum();
    }

    public int failed() {
        return (int) arms.stream().mapToLong(ArmLine::failed).sum();
    }

    /** Runs a stopping rule stopped: neither ok (not in the medians) nor failed. */
    public int stopped() {
        return (int) arms.stream().mapToLong(ArmLine::stopped).sum();
    }

    private static Map<String, Double> medians(List<Map<String, Double>> perRun) {
        Map<String, List<Double>> values = new TreeMap<>();
        perRun.forEach(m -> m.forEach((i, e) -> values.computeIfAbsent(i, k -> new ArrayList<>()).add(e)));
        Map<String, Double> medians = new LinkedHashMap<>();
        values.forEach((i, v) -> medians.put(i, median(v)));
        return medians;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The colour name the runs share, their names joined with | when they differ, null when none has one. */
    private static String name(List<ConceptErrors> runs, java.util.function.Function<ConceptErrors, String> name) {
        Set<String> names = new LinkedHashSet<>();
        runs.stream().map(name).filter(n -> n != null).forEach(names::add);
        return names.isEmpty() ? null : String.join("|", names);
    }

    public String render() {
        int width = Math.max(3, arms.stream().mapToInt(a -> a.arm().length()).max().orElse(3));
        Set<String> pairs = new LinkedHashSet<>();
        arms.stream().filter(a -> a.conceptColor() != null)
                .forEach(a -> pairs.add(a.conceptColor() + " / " + (a.complementColor() == null ? "-" : a.complementColor())));
        boolean labelled = pairs.size() > 1;
        boolean degenerate = arms.stream().anyMatch(a -> a.degenerate() > 0);
        boolean stopped = arms.stream().anyMatch(a -> a.stopped() > 0);
        int labelWidth = Math.max(15, arms.stream().filter(a -> a.conceptColor() != null)
                .mapToInt(a -> label(a).length()).max().orElse(15));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-" + width + "s %5s", "arm", "ok"));
        if (stopped) sb.append(String.format(" %7s", "stopped"));
        sb.append(String.format(" %6s", "failed"));
        if (degenerate) sb.append(String.format(" %10s", "degenerate"));
        if (labelled) sb.append(String.format("  %-" + labelWidth + "s", "colours"));
        for (String i : interventions) sb.append(String.format("  %-17s", i));
        sb.append("\n");
        for (ArmLine a : arms) {
            sb.append(String.format("%-" + width + "s %5d", a.arm(), a.ok()));
            if (stopped) sb.append(String.format(" %7d", a.stopped()));
            sb.append(String.format(" %6d", a.failed()));
            if (degenerate) sb.append(String.format(" %10d", a.degenerate()));
            if (labelled) sb.append(String.format("  %-" + labelWidth + "s", a.conceptColor() == null ? "-" : label(a)));
            for (String i : interventions) {
                Double concept = a.medianConceptError().get(i);
                Double complement = a.medianComplementError().get(i);
                sb.append(concept == null ? String.format("  %-17s", "-")
                        : String.format("  %7.4f / %-7s", concept,
                        complement == null ? "-" : String.format("%.4f", complement)));
            }
            sb.append("\n");
        }
        if (!interventions.isEmpty()) {
            String over = "median over ok runs" + (degenerate ? " that are not degenerate" : "");
            String colour = "the error of the run's concept colour / of its complement";
            String group = "the median error of the concept's colour group / the worst error of the other named colours";
            List<String> colourPairs = pairs(false), groupPairs = pairs(true);
            if (groupPairs.isEmpty()) {
                sb.append("(").append(over).append(" of ").append(colour)
                        .append(colourPairs.size() == 1 ? ": " + colourPairs.get(0) : ", e.g. red / cyan").append(")\n");
            } else if (colourPairs.isEmpty()) {
                sb.append("(").append(over).append(" of ").append(group)
                        .append(groupPairs.size() == 1 ? ": " + groupPairs.get(0) : ", e.g. hues / achromatic")
                        .append(")\n");
            } else {
                sb.append("(").append(over).append(" of\n ").append(String.join(", ", colourPairs)).append(": ")
                        .append(colour).append(";\n ").append(String.join(", ", groupPairs)).append(": ").append(group)
                        .append(")\n");
            }
        }
        if (degenerate) {
            sb.append(String.format("(degenerate: an ok run whose validation recon is > %s, no better than a constant grey "
                    + "output's %s, or > %s × its arm's median and > %s)%n", DegenerateRule.CEILING,
                    DegenerateRule.CONSTANT_GREY, (int) DegenerateRule.TIMES_MEDIAN, DegenerateRule.FLOOR));
        }
        return sb.toString();
    }

    /** The distinct "concept / other" names of the arms whose concept is a colour group (or a colour). */
    private List<String> pairs(boolean group) {
        return arms.stream().filter(a -> a.conceptColor() != null && a.group() == group)
                .map(a -> a.conceptColor() + " / " + (a.complementColor() == null ? "-" : a.complementColor()))
                .distinct().toList();
    }

    private static String label(ArmLine a) {
        return a.conceptColor() + "/" + (a.complementColor() == null ? "-" : a.complementColor());
    }
}
