package dev.anchorsweep.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code deploy/sweep sql} on a real sweep: the three formats, and bad queries as messages with exit code 2. */
class SqlCommandTest {

    static String results() {
        return ReportSweep.results().toString();
    }

    @Test
    void printsAQueryOverTheReportViewsAsCsvJsonAndTable() throws Exception {
        Cli csv = Cli.run("sql", results(), "SELECT arm, ok, failed FROM arm_runs ORDER BY arm", "--format", "csv");
        assertEquals(0, csv.code(), csv.toString());
        assertEquals("arm,ok,failed\ndiverging,0,4\nisolated,4,0\nplain,4,0\n", csv.out());

        Cli json = Cli.run("sql", results(), "SELECT arm, seed, selection_metrics, scores['ablate'] AS ablate "
                + "FROM best_runs ORDER BY arm", "--format", "json");
        assertEquals(0, json.code(), json.toString());
        JsonNode rows = new ObjectMapper().readTree(json.out());
        assertEquals(2, rows.size());
        assertEquals("isolated", rows.get(0).get("arm").asText());
        assertTrue(rows.get(0).get("selection_metrics").get("recon").isNumber(), json.out());
        assertTrue(rows.get(1).get("ablate").asDouble() > 0, json.out());

        Cli table = Cli.run("sql", results(), "SELECT arm, intervention, concept_error_median FROM arm_summary "
                + "ORDER BY arm, intervention");
        assertEquals(0, table.code(), table.toString());
        assertTrue(table.out().startsWith("arm       intervention  concept_error_median\n"), table.out());
        assertTrue(table.out().contains("(6 rows)"), table.out());
    }

    @Test
    void badQueriesAreAMessageAndExitCode2() {
        Cli unknownColumn = Cli.run("sql", results(), "SELECT nope FROM runs");
        assertEquals(2, unknownColumn.code(), unknownColumn.toString());
        assertTrue(unknownColumn.err().startsWith("bad query: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, "
                + "or function parameter with name `nope` cannot be resolved."), unknownColumn.err());
        noStackTrace(unknownColumn);

        Cli syntax = Cli.run("sql", results(), "SELEC 1");
        assertEquals(2, syntax.code(), syntax.toString());
        assertTrue(syntax.err().contains("[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'"), syntax.err());
        noStackTrace(syntax);

        Cli unknownView = Cli.run("sql", results(), "SELECT * FROM best_run");
        assertEquals(2, unknownView.code(), unknownView.toString());
        assertTrue(unknownView.err().contains("The views of " + results() + ": sweeps, runs, history, evaluations, "
                + "latents, sweep_versions, arm_runs, run_errors, arm_summary, selection_candidates, best_runs"), unknownView.err());

        Cli whileRunning = Cli.run("sql", results(), "SELECT CAST(arm AS INT) FROM runs");
        assertEquals(2, whileRunning.code(), whileRunning.toString());
        assertTrue(whileRunning.err().startsWith("bad query: [CAST_INVALID_INPUT]"), whileRunning.err());
        noStackTrace(whileRunning);

        Cli noFolder = Cli.run("sql", Path.of(results()).resolveSibling("nothing-here").toString(), "SELECT 1");
        assertEquals(2, noFolder.code(), noFolder.toString());
        assertTrue(noFolder.err().contains("nothing-here does not exist"), noFolder.err());

        Cli notResults = Cli.run("sql", Path.of(results()).resolve("runs").toString(), "SELECT 1");
        assertEquals(2, notResults.code(), notResults.toString());
        assertTrue(notResults.err().contains("no result tables under"), notResults.err());
    }

    private static void noStackTrace(Cli cli) {
        assertFalse(cli.err().contains("\tat ") || cli.err().contains("Exception"), cli.toString());
    }
}
