package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.anchorsweep.analysis.report.SignificantDigits.format;

/** An ok run the {@code run_flags} view flags as degenerate (report/degenerate_runs.sql), and why. */
public record DegenerateRun(String arm, int seed, String runId, Double valRecon, Double armMedian, String reason) {

    static List<DegenerateRun> of(QueryResult result) {
        return ResultRow.all(result).stream().map(r -> new DegenerateRun(r.string("arm"), (int) r.integer("seed"),
                r.string("run_id"), r.number("val_recon"), r.number("arm_val_recon_median"),
                r.string("degenerate_reason"))).toList();
    }

    static Map<String, List<DegenerateRun>> byArm(List<DegenerateRun> runs) {
        return runs.stream().collect(Collectors.groupingBy(DegenerateRun::arm, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * E.g. "2 of 60 ok runs degenerate: seeds 3, 17 (val recon 287, 301 vs arm median 1.2e-4)" (HTML); more than
     * {@value #SEEDS_SHOWN} seeds end in "…", more than two distinct val recons (as shown) show as their range.
     */
    static String sentence(List<DegenerateRun> runs, long okRuns) {
        StringBuilder sb = new StringBuilder("<span class=\"bad\">").append(runs.size()).append(" of ").append(okRuns)
                .append(okRuns == 1 ? " ok run" : " ok runs").append(" degenerate</span>: ")
                .append(runs.size() == 1 ? "seed " : "seeds ");
        sb.append(runs.stream().limit(SEEDS_SHOWN).map(r -> String.valueOf(r.seed())).collect(Collectors.joining(", ")));
        if (runs.size() > SEEDS_SHOWN) sb.append(", …");
        List<Double> recons = runs.stream().map(DegenerateRun::valRecon).filter(v -> v != null).sorted().toList();
        sb.append(" (val recon ");
        List<String> shown = recons.stream().map(SignificantDigits::format).distinct().toList();
        if (shown.size() <= 2) sb.append(String.join(", ", shown));
        else sb.append(shown.get(0)).append("–").append(shown.get(shown.size() - 1));
        return sb.append(" vs arm median ").append(format(runs.get(0).armMedian())).append(')').toString();
    }

    static final int SEEDS_SHOWN = 12;
}
