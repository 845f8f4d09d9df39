package dev.anchorsweep.driver;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The job jar, {@code anchor-sweep-job.jar}: anchor-sweep's classes and the libraries Spark lacks (ND4J with its
 * linux-x86_64 natives, parquet-avro, Typesafe Config, picocli, …), built by {@code mvn -Pcluster package}. It is what
 * spark-submit runs, and what the driver ships to the executors of a non-local master ({@code spark.jars}).
 *
 * <p>Found by {@code -Danchorsweep.jobJar=PATH}, else beside the code of this class: the build folder holds
 * {@code sweep-driver.jar} (the launcher), {@code classes/} (tests) and the job jar itself.
 */
public record JobJar(Path path) {

    public static final String PROPERTY = "anchorsweep.jobJar";
    public static final String FILE_NAME = "anchor-sweep-job.jar";

    /** The job jar this JVM would ship; it need not exist (see {@link #requireExists(String)}). */
    public static JobJar locate() {
        String named = System.getProperty(PROPERTY);
        if (named != null && !named.isBlank()) return new JobJar(Path.of(named).toAbsolutePath().normalize());
        return new JobJar(besideCode().resolve(FILE_NAME));
    }

    private static Path besideCode() {
        CodeSource source = JobJar.class.getProtectionDomain().getCodeSource();
        try {
            Path code = source == null ? Path.of(".") : Path.of(source.getLocation().toURI());
            // a jar or the classes/ folder: either way, its parent is the build folder
            return code.toAbsolutePath().normalize().getParent();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(".").toAbsolutePath();
        }
    }

    /** This jar, which must exist because {@code master} runs executors in JVMs without anchor-sweep's classes. */
    public JobJar requireExists(String master) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("master " + master + " runs executors in their own JVMs, which load "
                    + "anchor-sweep's classes from the job jar, but " + path + " does not exist: build it with "
                    + "`mvn -Pcluster -DskipTests package` (deploy/sweep does for a non-local --master), or name one with "
                    + "-D" + PROPERTY + "=PATH or --spark-conf spark.jars=PATH");
        }
        return this;
    }
}
