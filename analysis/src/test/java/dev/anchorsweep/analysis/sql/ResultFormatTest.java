package dev.anchorsweep.analysis.sql;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultFormatTest {

    static final QueryResult RESULT = new QueryResult(List.of("arm", "error", "note"), List.of(
            Arrays.asList("isolated", 0.34268123, "a, \"quoted\" note"),
            Arrays.asList("anchored", 2.0e-5, null)), false);

    @Test
    void csvQuotesWhatNeedsIt() {
        assertEquals("arm,error,note\nisolated,0.34268123,\"a, \"\"quoted\"\" note\"\nanchored,2.0E-5,\n",
                ResultFormat.CSV.render(RESULT));
    }

    @Test
    void jsonIsAnArrayOfObjects() {
        assertEquals("""
                [ {
                  "arm" : "isolated",
                  "error" : 0.34268123,
                  "note" : "a, \\"quoted\\" note"
                }, {
                  "arm" : "anchored",
                  "error" : 2.0E-5,
                  "note" : null
                } ]
                """, ResultFormat.JSON.render(RESULT));
    }

    @Test
    void tableAlignsAndCounts() {
        assertEquals("""
                arm          error  note
                --------  --------  ----------------
                isolated  0.342681  a, "quoted" note
                anchored     2e-05  NULL
                (2 rows)
                """, ResultFormat.TABLE.render(RESULT));
    }

    @Test
    void sparkErrorsLoseTheirPlan() {
        String message = "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `nope` "
                + "cannot be resolved. SQLSTATE: 42703; line 1 pos 7;\n'Project ['nope]\n+- SubqueryAlias runs\n"
                + "   +- View (`runs`, [a#1])\n";
        assertEquals("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `nope` "
                + "cannot be resolved. SQLSTATE: 42703; line 1 pos 7", SparkErrorMessage.withoutPlan(message));
        String parse = "\n[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'. SQLSTATE: 42601 (line 1, pos 0)\n\n"
                + "== SQL ==\nSELEC 1\n^^^\n";
        assertEquals(parse, SparkErrorMessage.withoutPlan(parse));
    }
}
