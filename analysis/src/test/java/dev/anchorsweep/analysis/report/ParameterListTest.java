package dev.anchorsweep.analysis.report;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report's list placeholders hold parameter markers only; the values travel as parameters. */
class ParameterListTest {

    @Test
    void valuesBecomeMarkersAndArguments() {
        ReportSql.ParameterList runs = new ReportSql.ParameterList("run_ids", List.of("r1", "x') OR (1=1"), false);
        assertEquals(":run_ids_0, :run_ids_1", runs.markers());
        Map<String, Object> args = new LinkedHashMap<>();
        runs.bind(args);
        assertEquals(Map.of("run_ids_0", "r1", "run_ids_1", "x') OR (1=1"), args);
    }

    @Test
    void pivotValuesNameTheirColumnsAsQuotedIdentifiers() {
        ReportSql.ParameterList pivot = new ReportSql.ParameterList("interventions", List.of("ablate", "a`b"), true);
        assertEquals(":interventions_0 AS `ablate`, :interventions_1 AS `a``b`", pivot.markers());
        assertEquals("NULL", new ReportSql.ParameterList("run_ids", List.of(), false).markers());
    }
}
