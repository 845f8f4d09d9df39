package dev.anchorsweep.driver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void theJobJarIsFoundBesideTheDriversCode() {
        Path beside = JobJar.locate().path();
        assertEquals(JobJar.FILE_NAME, beside.getFileName().toString());
        // tests run from <build>/test-classes and <build>/classes: the job jar belongs in <build>
        assertTrue(Files.isDirectory(beside.getParent().resolve("classes")), beside.toString());
    }
}
