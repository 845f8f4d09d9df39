package dev.anchorsweep.cli;

import org.apache.spark.scheduler.SparkListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input, through the real entry point in this JVM: exit code 2, the message, no stack trace, and
 * Spark never started (a listener named in {@code spark.extraListeners} counts every SparkContext).
 */
class BadInputTest {

    /** Counts the SparkContexts started in this JVM while the property below is set. */
    public static final class SparkStarts extends SparkListener {
        static final AtomicInteger COUNT = new AtomicInteger();

        public SparkStarts() {
            COUNT.incrementAndGet();
        }
    }

    @TempDir
    static Path dir;

    /** A row: the arguments ({cfg}, {dir}, … stand for files made below), the exit code and a part of the message. */
    record Row(String args, int code, String message) {
        @Override
        public String toString() {
            return args;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                // picocli: unknown options, bad values, missing and extra parameters
                new Row("bogus", 2, "Unmatched argument at index 0: 'bogus'; see deploy/sweep --help"),
                new Row("run", 2, "Missing required parameter: 'CONFIG'; see deploy/sweep run --help"),
                new Row("run {cfg} extra", 2, "Unmatched argument at index 2: 'extra'"),
                new Row("run {cfg} --bogus", 2, "Unknown option: '--bogus'"),
                new Row("run {cfg} --pack-size", 2, "Missing required parameter for option '--pack-size'"),
                new Row("run {cfg} --pack-size x", 2, "'x' is not an int"),
                new Row("run {cfg} --spark-conf novalue", 2, "should be in KEY=VALUE format but was novalue"),
                new Row("sql {results} SELECT --format xml", 2, "Invalid value for option '--format'"),
                new Row("report", 2, "Missing required parameter: 'RESULTS_DIR'"),
                new Row("train {cfg} --seed abc", 2, "'abc' is not an int"),
                // run: every value checked before Spark starts
                new Row("run {cfg} --pack-size 0", 2, "--pack-size 0: must be at least 1"),
                new Row("run {cfg} --pack-size -1", 2, "--pack-size -1: must be at least 1"),
                new Row("run {cfg} --master garbage", 2, "--master garbage: not a Spark master URL (valid: local,"),
                new Row("run {cfg} --master local[0]", 2, "--master local[0]: local[N] needs N ≥ 1 threads, but got 0"),
                new Row("run {cfg} --master local[2,0]", 2, "local[N,F] needs F ≥ 1 attempts per task, but got 0"),
                new Row("run {cfg} --master localhost", 2, "--master localhost: not a local master URL"),
                new Row("run {cfg} --master spark://head", 2, "--master spark://head: 'head' is not HOST:PORT"),
                new Row("run {cfg} --master spark://head:99999", 2, "port 99999 is not in 1..65535"),
                new Row("run {cfg} --master spark://no-such-host.invalid:7077", 2, "--master "
                        + "spark://no-such-host.invalid:7077: no master answers (no-such-host.invalid:7077: unknown host)"),
                new Row("sql {results} SELECT --master spark://127.0.0.1:1", 2, "--master spark://127.0.0.1:1: no master "
                        + "answers (127.0.0.1:1: Connection refused)"),
                new Row("run {cfg} --out {file}", 2, "is a file, not a folder"),
                new Row("run {cfg} --out {file}/sub", 2, "cannot create the folder"),
                new Row("run {cfg} --out /proc/anchor-sweep-out", 2, "cannot create the folder /proc/anchor-sweep-out"),
                new Row("run {cfg} --out foo://host/x", 2, "no Hadoop file system for the scheme 'foo'"),
                new Row("run {cfg} --spark-conf foo=bar", 2, "'foo' is not a Spark setting"),
                new Row("run {cfg} --spark-conf spark.executor.memory=abc", 2, "--spark-conf spark.executor.memory=abc: "
                        + "Spark does not accept this value (Size must be specified as bytes"),
                new Row("run {cfg} --spark-conf spark.sql.shuffle.partitions=-3", 2, "--spark-conf "
                        + "spark.sql.shuffle.partitions=-3: Spark does not accept this value ("),
                new Row("run {cfg} --out hdfs://no-such-host.invalid:8020/x", 2, "--out hdfs://no-such-host.invalid:8020/x: "
                        + "cannot open its file system (unknown host no-such-host.invalid)"),
                new Row("run {dir}", 2, "is a folder, not a config file"),
                new Row("run {dir}/none.conf", 2, "the config file does not exist"),
                new Row("run {nonfinite}", 2, "nonfinite.conf:4: run.training.lr: must be a finite number, but got 1e400"),
                new Row("run {include}", 2, "include.conf:2: (include): include required(\"runs/none.conf\"): the "
                        + "included file {dir}/runs/none.conf does not exist"),
                // validate and train: the same config checks
                new Row("validate", 2, "Missing required parameter: 'CONFIG'"),
                new Row("validate {dir}", 2, "is a folder, not a config file"),
                new Row("validate {nonfinite}", 2, "must be a finite number, but got 1e400"),
                new Row("validate {include}", 2, "the included file {dir}/runs/none.conf does not exist"),
                new Row("validate {gridnonfinite}", 2, "grid.settings.\"concepts.red.scale\": must be a finite number, "
                        + "but got 1e999"),
                new Row("train {cfg} --seed -1", 2, "--seed -1: must be a whole number ≥ 0"),
                new Row("train {nonfinite}", 2, "must be a finite number, but got 1e400"),
                new Row("train {dir}", 2, "is a folder, not a config file"),
                // report and sql: folders and Spark options
                new Row("report {dir}/none", 2, "does not exist"),
                new Row("report {file}", 2, "is a file"),
                new Row("report {dir}", 2, "no result tables under"),
                new Row("sql {dir}/empty SELECT", 2, "no result tables under"),
                new Row("report {results} --out {file}", 2, "is a file, not a folder"),
                new Row("report {results} --out {results}/runs/report", 2, "--out {results}/runs/report: inside the "
                        + "results' runs table ({results}/runs)"),
                new Row("report {results} --sweep bad/name", 2, "--sweep bad/name: not a sweep name"),
                new Row("report {results} --master local[0]", 2, "--master local[0]: local[N] needs N ≥ 1"),
                new Row("sql {results} ' '", 2, "QUERY is empty"),
                new Row("sql {results} SELECT --spark-conf x=1", 2, "'x' is not a Spark setting"),
                new Row("sql {results} SELECT --spark-conf spark.driver.cores=two", 2, "spark.driver.cores=two: Spark "
                        + "does not accept this value ("),
                new Row("sql {file} SELECT", 2, "is a file"));
    }

    @BeforeAll
    static void files() throws IOException {
        Files.writeString(dir.resolve("ok.conf"), "sweep.name = ok\nrun { training.steps = 10 }\n");
        Files.writeString(dir.resolve("a-file"), "not a folder");
        Files.createDirectories(dir.resolve("results/runs/sweep_id=x"));
        Files.writeString(dir.resolve("results/runs/sweep_id=x/run-0.parquet"), "not Parquet");
        Files.createDirectories(dir.resolve("empty/runs/sweep_id=x"));
        Files.writeString(dir.resolve("nonfinite.conf"), "sweep.name = nf\nrun {\n  training.steps = 10\n"
                + "  training.lr = [[0, 0.01], [5, 1e400]]\n}\n");
        Files.writeString(dir.resolve("include.conf"), "sweep.name = inc\nrun { include required(\"runs/none.conf\") }\n");
        Files.writeString(dir.resolve("gridnonfinite.conf"), "sweep.name = g\nrun {}\n"
                + "grid.settings { \"concepts.red.scale\" = [0.1, 1e999] }\n");
        System.setProperty("spark.extraListeners", SparkStarts.class.getName());
    }

    @AfterAll
    static void noProbe() {
        System.clearProperty("spark.extraListeners");
    }

    private static String expand(String text) {
        return text.replace("{cfg}", dir.resolve("ok.conf").toString())
                .replace("{file}", dir.resolve("a-file").toString())
                .replace("{results}", dir.resolve("results").toString())
                .replace("{nonfinite}", dir.resolve("nonfinite.conf").toString())
                .replace("{gridnonfinite}", dir.resolve("gridnonfinite.conf").toString())
                .replace("{include}", dir.resolve("include.conf").toString())
                .replace("{dir}", dir.toString());
    }

    /** Splits at blanks, keeping '…' together; expands the file placeholders. */
    private static String[] arguments(String args) {
        List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(args);
        while (m.find()) out.add(expand(m.group(1) != null ? m.group(1) : m.group(2)));
        return out.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aBadInputIsOneClearMessageAndExitCodeTwoBeforeSparkStarts(Row row) {
        int sparkBefore = SparkStarts.COUNT.get();
        Cli outcome = Cli.run(arguments(row.args()));
        String err = outcome.err();
        assertEquals(row.code(), outcome.code(), err);
        assertTrue(err.contains(expand(row.message())), "expected «" + expand(row.message()) + "» in:\n" + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace:\n" + err);
        List<String> lines = err.lines().toList();
        boolean configProblem = lines.get(0).matches("\\d+ problems? in the config:");
        if (configProblem) {
            assertEquals("Nothing was run.", lines.get(lines.size() - 1), err);
        } else {
            assertEquals(1, lines.size(), "one line:\n" + err);
        }
        assertEquals("", outcome.out());
        assertEquals(sparkBefore, SparkStarts.COUNT.get(), "Spark must not start for a bad input");
    }

    @Test
    void thereAreAtLeastThirtyKindsOfBadInput() {
        assertTrue(rows().count() >= 30, "rows: " + rows().count());
    }

    /** The control of the probe: a folder that passes the checks (a runs/ file) starts Spark, which fails to read it. */
    @Test
    void theProbeSeesSparkStart() {
        int before = SparkStarts.COUNT.get();
        Cli outcome = Cli.run("sql", dir.resolve("results").toString(), "SELECT 1");
        assertTrue(outcome.code() != 0, outcome.err());
        assertEquals(before + 1, SparkStarts.COUNT.get());
    }

    @Test
    void aMissingPlainIncludeIsAWarningLineAndTheConfigIsValid() throws IOException {
        Path config = dir.resolve("plain.conf");
        Files.writeString(config, "sweep.name = plain\n\nrun { include \"runs/none.conf\" }\n");
        Cli outcome = Cli.run("validate", config.toString());
        assertEquals(0, outcome.code(), outcome.err());
        assertEquals("warning: " + config + ":3: (include): include \"runs/none.conf\": the included file "
                + dir.resolve("runs/none.conf") + " does not exist, so nothing was included (write include "
                + "required(\"runs/none.conf\") to make a missing file an error)", outcome.err().strip());
    }
}
