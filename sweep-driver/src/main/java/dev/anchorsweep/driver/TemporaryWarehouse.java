package dev.anchorsweep.driver;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The Spark SQL warehouse of one application: an empty folder in the system's temp folder, removed when the
 * application ends (or the JVM exits). Spark's in-memory catalog creates its {@code default} database in the
 * warehouse, which defaults to {@code ./spark-warehouse}: without this, every command that touched the catalog left a
 * {@code spark-warehouse} folder in the current directory.
 */
final class TemporaryWarehouse extends SparkListener {

    private final Path dir;

    private TemporaryWarehouse(Path dir) {
        this.dir = dir;
    }

    static TemporaryWarehouse create() {
        try {
            Path dir = Files.createTempDirectory("anchor-sweep-warehouse-");
            TemporaryWarehouse warehouse = new TemporaryWarehouse(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(warehouse::delete, "remove-spark-warehouse"));
            return warehouse;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Spark SQL warehouse folder in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }

    /** The folder as a URI, for {@code spark.sql.warehouse.dir}. */
    String uri() {
        return dir.toUri().toString();
    }

    Path dir() {
        return dir;
    }

    @Override
    public void onApplicationEnd(SparkListenerApplicationEnd end) {
        delete();
    }

    void delete() {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: it is in the temp folder
        }
    }
}
