package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.List;

/** One row of the {@code arm_summary} view: an arm under one intervention, across its seeds. */
public record ArmStat(String arm, String intervention, long runs, String conceptColor, Quartiles concept,
                      String complementColor, Quartiles complement, String offTargetColor, Quartiles offTarget,
                      Quartiles score, Double scoreMin, Quartiles baselineRecon, Double maxNamedErrorMedian) {

    static List<ArmStat> of(QueryResult result) {
        return ResultRow.all(result).stream().map(r -> new ArmStat(r.string("arm"), r.string("intervention"),
                r.integer("runs"), r.string("concept_color"), quartiles(r, "concept_error"),
                r.string("complement_color"), quartiles(r, "complement_error"), r.string("off_target_color"),
                quartiles(r, "off_target_error"), quartiles(r, "score"), r.number("score_min"),
                quartiles(r, "baseline_recon"), r.number("max_named_error_median"))).toList();
    }

    private static Quartiles quartiles(ResultRow r, String metric) {
        boolean range = r.result().columns().contains(metric + "_min");
        return new Quartiles(r.number(metric + "_q1"), r.number(metric + "_median"), r.number(metric + "_q3"),
                range ? r.number(metric + "_min") : null, range ? r.number(metric + "_max") : null);
    }

    public boolean isBaseline() {
        return "baseline".equals(intervention);
    }
}
