package dev.anchorsweep.driver;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which master a sweep uses, and how the job jar reaches the executors of a non-local one. */
class SparkSessionsTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty("spark.master");
        System.clearProperty(JobJar.PROPERTY);
    }

    @Test
    void theMasterIsTheOneAskedForElseSparkSubmitsElseEmbedded() {
        assertEquals(SparkSessions.LOCAL, SparkSessions.master(null));
        System.setProperty("spark.master", "yarn"); // what spark-submit sets
        assertEquals("yarn", SparkSessions.master(null));
        assertEquals("spark://head:7077", SparkSessions.master("spark://head:7077"));
    }

    @Test
    void aNonLocalMasterGetsTheJobJarAddedToTheJarsGiven() throws Exception {
        Path job = Files.createFile(dir.resolve(JobJar.FILE_NAME));
        System.setProperty(JobJar.PROPERTY, job.toString());
        assertEquals(job.toString(), SparkSessions.withJobJar("spark://h:7077", null));
        assertEquals("/x/hadoop-aws.jar," + job, SparkSessions.withJobJar("spark://h:7077", "/x/hadoop-aws.jar"));
        assertEquals("/y/anchor-sweep-job.jar", SparkSessions.withJobJar("spark://h:7077", "/y/anchor-sweep-job.jar"));
    }

    @Test
    void aMissingJobJarIsAnErrorThatSaysHowToBuildIt() {
        Path missing = dir.resolve("nowhere").resolve(JobJar.FILE_NAME);
        System.setProperty(JobJar.PROPERTY, missing.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SparkSessions.withJobJar("spark://h:7077", null));
        assertTrue(e.getMessage().contains(missing + " does not exist")
                && e.getMessage().contains("mvn -Pcluster -DskipTests package"), e.getMessage());
    }

    @Test
    void theCatalogLeavesNoWarehouseBehind() throws Exception {
        boolean hadWarehouse = Files.exists(Path.of("spark-warehouse")); // e.g. from a test's own SparkSession
        SparkSession spark = SparkSessions.start("warehouse-test", "local[1]", Map.of());
        Path warehouse;
        try {
            assertEquals("in-memory", spark.conf().get(SparkSessions.CATALOG_KEY));
            spark.sql("SHOW TABLES").collectAsList(); // the catalog creates its default database in the warehouse
            spark.catalog().listDatabases().collectAsList();
            warehouse = Path.of(URI.create(spark.conf().get(SparkSessions.WAREHOUSE_KEY)));
            assertTrue(warehouse.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), warehouse.toString());
            assertTrue(Files.isDirectory(warehouse), warehouse + " should be the running catalog's warehouse");
        } finally {
            spark.stop();
        }
        assertFalse(Files.exists(warehouse), warehouse + " must be removed when the application ends");
        for (String leftover : List.of("metastore_db", "derby.log")) assertFalse(Files.exists(Path.of(leftover)), leftover);
        if (!hadWarehouse) assertFalse(Files.exists(Path.of("spark-warehouse")), "spark-warehouse in " + Path.of("").toAbsolutePath());
    }

    @Test
    void theJobJarIsFoundBesideTheDriversCode() {
        Path beside = JobJar.locate().path();
        assertEquals(JobJar.FILE_NAME, beside.getFileName().toString());
        // tests run from <build>/test-classes and <build>/classes: the job jar belongs in <build>
        assertTrue(Files.isDirectory(beside.getParent().resolve("classes")), beside.toString());
    }
}
