package dev.anchorsweep.driver;

import dev.anchorsweep.analysis.report.DegenerateRule;
import dev.anchorsweep.job.ConceptErrors;
import dev.anchorsweep.job.RunOutcome;
import dev.anchorsweep.results.RunRow;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
 * outcomes; runs committed before this invocation (or by an earlier attempt of a retried task) are read back from the
 * summary columns of their {@code runs} rows, which the same {@link ConceptErrors} filled.
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
     * The outcomes of committed runs read back from their {@code runs} rows: host, pack size and training time as
     * recorded, the errors from the summary columns the worker wrote ({@link ConceptErrors#of(RunRow)}), so a resumed
     * sweep prints what a fresh one prints without reading the evaluations.
     *
     * @param runIds the committed runs to read back
     * @param tables the result tables registered as views ({@code runs} among them)
     */
    static List<RunOutcome> committed(SparkSession spark, String sweepId, Collection<String> runIds, List<String> tables) {
        if (runIds.isEmpty() || !tables.contains("runs")) return List.of();
        Set<String> wanted = new HashSet<>(runIds);
        List<RunOutcome> outcomes = new ArrayList<>();
        for (Row row : spark.sql("""
                SELECT run_id, arm, status, error, train_seconds, pack_size, host, val_recon,
                       concept_label, other_label, concept_group, concept_error, other_error
                FROM runs WHERE sweep_id = '%s'""".formatted(sweepId)).collectAsList()) {
            String runId = row.getString(0);
            if (!wanted.contains(runId)) continue;
            ConceptErrors errors = !RunRow.OK.equals(row.getString(2)) ? ConceptErrors.NONE
                    : new ConceptErrors(row.getString(8), row.getString(9), row.getBoolean(10), row.getJavaMap(11),
                    row.getJavaMap(12), row.isNullAt(7) ? null : row.getDouble(7));
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
