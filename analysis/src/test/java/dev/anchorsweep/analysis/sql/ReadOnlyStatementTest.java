package dev.anchorsweep.analysis.sql;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sql command's gate on Spark's own parse of each statement: queries pass, anything that could change or run
 * something is refused, nested forms included. Parsing only: nothing here needs tables. */
class ReadOnlyStatementTest {

    static SparkSession spark;

    @BeforeAll
    static void start() throws Exception {
        spark = SparkSession.builder().master("local[1]").appName("read-only-statement-test")
                .config("spark.ui.enabled", false)
                .config("spark.sql.warehouse.dir", Files.createTempDirectory("warehouse").toUri().toString())
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1",
            "SELECT 1;",
            "select arm, count(*) from runs group by arm",
            "WITH x AS (SELECT 1 AS a) SELECT * FROM x",
            "VALUES (1, 2), (3, 4)",
            "TABLE runs",
            "FROM runs |> SELECT arm",
            "SELECT (SELECT max(seed) FROM runs) AS top",
            "SELECT * FROM runs WHERE seed IN (SELECT seed FROM runs WHERE status = 'ok')",
            "SHOW TABLES",
            "SHOW COLUMNS IN runs",
            "SHOW FUNCTIONS",
            "SHOW CATALOGS",
            "DESCRIBE runs",
            "DESCRIBE QUERY SELECT * FROM runs",
            "DESCRIBE FUNCTION median",
            "EXPLAIN SELECT * FROM runs",
            "EXPLAIN EXTENDED WITH x AS (SELECT 1) SELECT * FROM x",
            "SELECT 'INSERT INTO runs SELECT * FROM runs; DROP VIEW runs' AS text"})
    void queriesPass(String sql) {
        assertDoesNotThrow(() -> ReadOnlyStatement.require(spark, sql));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            INSERT INTO runs SELECT * FROM runs                                          | InsertIntoStatement
            INSERT OVERWRITE TABLE runs SELECT * FROM runs                               | InsertIntoStatement
            INSERT OVERWRITE DIRECTORY '/tmp/x' USING parquet SELECT * FROM runs         | InsertIntoDir
            WITH x AS (SELECT 1) INSERT INTO runs SELECT * FROM x                        | InsertIntoStatement
            FROM runs INSERT INTO a SELECT * INSERT INTO b SELECT *                      | InsertIntoStatement
            CREATE TABLE t USING parquet AS SELECT 1                                     | CreateTableAsSelect
            CREATE TABLE t (x INT)                                                       | CreateTable
            CREATE TEMPORARY VIEW v AS SELECT 1                                          | CreateViewCommand
            CREATE TEMPORARY VIEW v USING parquet OPTIONS (path '/tmp/x')                | CreateTempViewUsing
            DROP VIEW arm_runs                                                           | DropView
            SET                                                                          | SetCommand
            SET spark.sql.ansi.enabled = false                                           | SetCommand
            RESET                                                                        | ResetCommand
            ADD JAR /tmp/x.jar                                                           | AddJarsCommand
            CACHE TABLE runs                                                             | CacheTable
            CLEAR CACHE                                                                  | ClearCacheCommand
            REFRESH TABLE runs                                                           | RefreshTable
            USE default                                                                  | SetCatalogAndNamespace
            DELETE FROM runs WHERE seed = 0                                              | DeleteFromTable
            UPDATE runs SET seed = 0                                                     | UpdateTable
            MERGE INTO runs USING runs r ON runs.run_id = r.run_id WHEN MATCHED THEN DELETE | MergeIntoTable
            DECLARE v INT                                                                | CreateVariable
            CALL system.refresh()                                                        | Call
            EXECUTE IMMEDIATE 'INSERT INTO runs SELECT * FROM runs'                      | ExecuteImmediateQuery
            EXPLAIN EXECUTE IMMEDIATE 'INSERT INTO runs SELECT * FROM runs'              | ExecuteImmediateQuery
            EXPLAIN INSERT INTO runs SELECT * FROM runs                                  | InsertIntoStatement
            SELECT TRANSFORM(arm) USING 'touch /tmp/x' FROM runs                         | ScriptTransformation
            SELECT reflect('java.lang.System', 'exit', 0)                                | reflect()
            SELECT * FROM runs WHERE seed IN (SELECT java_method('java.lang.System', 'exit', 0)) | java_method()
            WITH x AS (SELECT try_reflect('java.lang.System', 'exit', 0)) SELECT * FROM x | try_reflect()
            """)
    void anythingElseIsRefusedWithWhatItIs(String sql, String what) {
        RefusedStatementException e = assertThrows(RefusedStatementException.class,
                () -> ReadOnlyStatement.require(spark, sql));
        assertTrue(e.getMessage().startsWith("refused: ") && e.getMessage().contains(what)
                && e.getMessage().endsWith(ReadOnlyStatement.ALLOWED + ", and ran nothing"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1; INSERT INTO runs SELECT * FROM runs", "SELEC 1", "BEGIN INSERT INTO t VALUES (1); END"})
    void severalStatementsOrNoneAreABadQuery(String sql) {
        BadQueryException e = assertThrows(BadQueryException.class, () -> ReadOnlyStatement.require(spark, sql));
        assertTrue(e.getMessage().contains("PARSE_SYNTAX_ERROR") || e.getMessage().contains("SQL_SCRIPTING"),
                e.getMessage());
    }

    /** What a one-off sql query reads decides which report views it registers: every name it reads, however nested. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SELECT count(*) FROM runs                                                        | runs
            SELECT * FROM Runs r JOIN arm_summary a USING (arm)                              | arm_summary runs
            WITH x AS (SELECT * FROM best_runs) SELECT * FROM x                              | best_runs x
            SELECT 1 WHERE EXISTS (SELECT * FROM run_flags WHERE seed IN (SELECT seed FROM selectivity)) | run_flags selectivity
            EXPLAIN SELECT * FROM latent_geometry                                            | latent_geometry
            TABLE spark_catalog.default.run_errors                                           | run_errors
            """)
    void readsNamesEveryRelationOfAQuery(String sql, String names) {
        assertEquals(java.util.Set.of(names.split(" ")), ReadOnlyStatement.reads(spark, sql).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHOW TABLES", "DESCRIBE runs"})
    void readsIsUnknownForShowAndDescribe(String sql) {
        assertTrue(ReadOnlyStatement.reads(spark, sql).isEmpty(), sql);
    }

    @org.junit.jupiter.api.Test
    void anIdentifierClauseIsUnknownOrItsName() {
        var reads = ReadOnlyStatement.reads(spark, "SELECT * FROM IDENTIFIER('arm_summary')");
        assertTrue(reads.map(names -> names.contains("arm_summary")).orElse(true), reads.toString());
    }
}
