package dev.anchorsweep.analysis.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementSplitterTest {

    @Test
    void splitsAtSemicolonsOutsideStringsIdentifiersAndComments() {
        String text = """
                SELECT 'a;b', "c;\\"d" AS `e;f`; -- one; still a comment
                SELECT 2 /* x; /* nested; */ y; */ + 1;
                ;;
                -- only a comment;
                SELECT 3""";
        StatementSplitter.Split split = StatementSplitter.split(text);
        assertEquals(List.of("SELECT 'a;b', \"c;\\\"d\" AS `e;f`",
                "-- one; still a comment\nSELECT 2 /* x; /* nested; */ y; */ + 1"), split.statements());
        assertTrue(split.open());
        assertEquals("-- only a comment;\nSELECT 3", split.unfinished()); // a comment belongs to what follows it
    }

    @Test
    void aStatementIsOpenUntilItsSemicolon() {
        assertTrue(StatementSplitter.split("SELECT 1\nFROM runs").open());
        assertTrue(StatementSplitter.split("SELECT 'unclosed;").open());
        assertTrue(StatementSplitter.split("SELECT 1; /* unclosed").open());
        assertFalse(StatementSplitter.split("SELECT 1;").open());
        assertFalse(StatementSplitter.split("SELECT 1; -- done").open());
        assertFalse(StatementSplitter.split("  \n").open());
        assertEquals("", StatementSplitter.split("SELECT 1; ").unfinished());
    }
}
