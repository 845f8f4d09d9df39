package dev.anchorsweep.report;

import dev.anchorsweep.cli.Cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchorsweep.analysis.sql.ReportViews;
import dev.anchorsweep.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deploy/sweep sql} on a real sweep: the three formats, bad queries as messages with exit code 2, writes refused
 * before they run, statements from stdin in one session, csv streamed through a small heap.
 */
class SqlCommandTest {

    static String results() {
        return ReportSweep.results().toString();
    }

    @Test
    void printsAQueryOverTheReportViewsAsCsvJsonAndTable() throws Exception {
        Cli csv = Cli.run("sql", results(), "SELECT arm, ok, failed FROM arm_runs ORDER BY arm", "--format", "csv");
        assertEquals(0, csv.code(), csv.toString());
        assertEquals("arm,ok,failed\ndiverging,0,4\nhue,4,0\nisolated,4,0\nplain,4,0\nwild,4,0\n", csv.out());

        Cli json = Cli.run("sql", results(), "SELECT arm, seed, selection_metrics, scores['ablate'] AS ablate "
                + "FROM best_runs ORDER BY arm", "--format", "json");
        assertEquals(0, json.code(), json.toString());
        JsonNode rows = new ObjectMapper().readTree(json.out());
        assertEquals(4, rows.size());
        assertEquals("hue", rows.get(0).get("arm").asText());
        assertTrue(rows.get(0).get("selection_metrics").get("recon").isNumber(), json.out());
        assertTrue(rows.get(1).get("ablate").asDouble() > 0, json.out());

        Cli table = Cli.run("sql", results(), "SELECT arm, intervention, concept_error_median FROM arm_summary "
                + "ORDER BY arm, intervention");
        assertEquals(0, table.code(), table.toString());
        assertTrue(table.out().startsWith("arm       intervention  concept_error_median\n"), table.out());
        assertTrue(table.out().contains("(8 rows)"), table.out());
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
                + "latents, sweep_versions, run_flags, arm_runs, run_errors, arm_summary, selection_candidates, best_runs"), unknownView.err());

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

    @Test
    void writesAreRefusedBeforeTheyRunAndLeaveEveryFileAsItWas() throws Exception {
        Path root = Path.of(results());
        Path scratch = Files.createTempDirectory("anchor-sweep-sql-refused");
        Map<String, String> before = files(root);
        assertTrue(before.keySet().stream().anyMatch(f -> f.startsWith("runs/sweep_id=report-test/")), before.toString());

        // the two bugs of the issue, as one-shot commands: exit 2 and one line, nothing printed, nothing run
        for (String write : List.of("INSERT INTO runs SELECT * FROM runs",
                "INSERT OVERWRITE DIRECTORY '" + root.resolve("runs/sweep_id=report-test") + "' USING parquet "
                        + "SELECT * FROM runs")) {
            Cli refused = Cli.run("sql", results(), write);
            assertEquals(2, refused.code(), refused.toString());
            assertEquals("", refused.out(), refused.toString());
            assertTrue(refused.err().startsWith("refused: not a read-only query (Spark parses it as Insert")
                    && refused.err().strip().endsWith("SHOW, DESCRIBE and EXPLAIN, and ran nothing")
                    && refused.err().strip().lines().count() == 1, refused.err());
        }

        // nested and other forms, in one session (statements from stdin); the queries after them still see every view
        Path marker = scratch.resolve("transform-ran");
        List<String> writes = List.of(
                "WITH r AS (SELECT * FROM runs) INSERT INTO runs SELECT * FROM r",
                "FROM runs INSERT INTO runs SELECT * INSERT INTO runs SELECT *",
                "CREATE TABLE copy USING parquet LOCATION '" + scratch.resolve("copy") + "' AS SELECT * FROM runs",
                "DROP VIEW arm_runs",
                "SELECT TRANSFORM(arm) USING 'touch " + marker + "' FROM runs",
                "EXECUTE IMMEDIATE 'INSERT INTO runs SELECT * FROM runs'",
                "SET spark.sql.ansi.enabled = false",
                "CACHE TABLE runs");
        Cli script = Cli.runWithInput(String.join(";\n", writes) + ";\n"
                + "SELECT count(*) AS runs FROM runs; SELECT count(*) AS arms FROM arm_runs;\n", "sql", results());
        assertEquals(2, script.code(), script.toString());
        List<String> errors = script.err().lines().filter(l -> l.startsWith("statement ")).toList();
        assertEquals(writes.size(), errors.size(), script.err());
        for (int i = 0; i < writes.size(); i++) {
            assertTrue(errors.get(i).startsWith("statement " + (i + 1) + ": refused: "), errors.get(i));
        }
        assertTrue(script.out().contains("runs\n----\n  20\n(1 row)\n") && script.out().contains(
                "arms\n----\n   5\n(1 row)\n"), script.out()); // 5 arms × 4 seeds, and arm_runs is still there

        assertEquals(before, files(root), "a refused statement must leave the results folder as it was");
        assertFalse(Files.exists(marker), "TRANSFORM ran its command");
        assertFalse(Files.exists(scratch.resolve("copy")), "CREATE TABLE wrote its table");
    }

    @Test
    void withoutAQueryItRunsTheStatementsOfStdinInOneSession() {
        String input = """
                SELECT arm, ok
                FROM arm_runs
                ORDER BY arm;
                .tables
                SELECT 'a;b' AS s; SELECT nope FROM runs;
                .format csv
                SELECT CAST(arm AS INT) AS n FROM runs;
                -- the last statement needs no ;
                SELECT arm FROM arm_runs ORDER BY arm
                """;
        Cli shell = Cli.runWithInput(input, "sql", results());
        assertEquals(2, shell.code(), shell.toString()); // one of the statements failed
        String out = shell.out();
        assertTrue(out.startsWith("""
                arm        ok
                ---------  --
                diverging   0
                hue         4
                isolated    4
                plain       4
                wild        4
                (5 rows)
                tables: sweeps, runs, history, evaluations, latents, sweep_versions"""), out);
        assertTrue(Pattern.compile("\n  arm_summary +" + Pattern.quote(ReportViews.ALL.get(3).description()) + "\n")
                .matcher(out).find(), out);
        assertTrue(out.contains("\ns\n---\na;b\n(1 row)\n"), out);
        assertTrue(out.endsWith("\narm\ndiverging\nhue\nisolated\nplain\nwild\n"), out);
        List<String> errors = shell.err().lines().filter(l -> l.startsWith("statement ")).toList();
        assertEquals(2, errors.size(), shell.err());
        assertTrue(errors.get(0).startsWith("statement 3: bad query: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, "
                + "variable, or function parameter with name `nope` cannot be resolved."), errors.get(0));
        // an error while csv rows stream ends that output after its header, and the next statement runs
        assertTrue(errors.get(1).startsWith("statement 4: bad query: [CAST_INVALID_INPUT]"), errors.get(1));
        assertTrue(out.contains("\n\nn\n\narm\n"), out);
        noStackTrace(shell);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void csvStreamsMillionsOfRowsThroughASmallHeap() throws Exception {
        // collecting these 3 M rows needs more than 256 MB of heap (OutOfMemoryError); streamed, one partition at a time
        Path csv = Files.createTempFile("anchor-sweep-sql-stream", ".csv");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        String flags = Files.readAllLines(Path.of("..", "deploy", "jvm.properties")).stream()
                .filter(l -> l.startsWith("jvm.module.flags=")).findFirst().orElseThrow().substring(17);
        command.addAll(List.of(flags.trim().split("\\s+")));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        command.addAll(List.of("-cp", classPath, Main.class.getName(), "sql", results(),
                "SELECT id, id * 2 AS twice FROM range(3000000)", "--format", "csv", "--master", "local[4]",
                "--spark-conf", "spark.testing.memory=536870912")); // Spark refuses to start under 450 MB without it
        Process java = new ProcessBuilder(command).redirectOutput(csv.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(java.waitFor(150, TimeUnit.SECONDS), "sql did not finish in 150 s");
        assertEquals(0, java.exitValue(), "sql --format csv of 3 M rows under -Xmx256m");
        try (Stream<String> lines = Files.lines(csv)) {
            assertEquals(3_000_001, lines.count());
        }
        try (Stream<String> lines = Files.lines(csv)) {
            assertEquals(List.of("id,twice", "0,0", "1,2"), lines.limit(3).toList());
        }
        Files.delete(csv);
    }

    /** Every file and folder under {@code root}: relative path → size, modification time and content hash. */
    private static Map<String, String> files(Path root) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String key = root.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    files.put(key + "/", "folder");
                } else {
                    byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                    files.put(key, Files.size(p) + " " + Files.getLastModifiedTime(p) + " " + HexFormat.of().formatHex(hash));
                }
            }
        }
        return files;
    }

    private static void noStackTrace(Cli cli) {
        assertFalse(cli.err().contains("\tat ") || cli.err().contains("Exception"), cli.toString());
    }
}
