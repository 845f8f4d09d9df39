package dev.anchorsweep.analysis;

import dev.anchorsweep.results.ResultsFolderException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The footer check of a results folder ({@link StoredFiles}) under way on a thread of its own, so that a command can
 * start it before its Spark session and have both at once: on two cores the check costs the start nothing.
 * {@link ResultViews#register(org.apache.spark.sql.SparkSession, String, Integer, FooterCheck)} takes its outcome.
 */
public final class FooterCheck {

    private final String root;
    private final CompletableFuture<Map<String, MessageType>> schemas;

    private FooterCheck(String root, CompletableFuture<Map<String, MessageType>> schemas) {
        this.root = root;
        this.schemas = schemas;
    }

    /** Starts checking every stored file under {@code root} with the given Hadoop configuration; returns at once. */
    public static FooterCheck start(String root, Configuration conf) {
        CompletableFuture<Map<String, MessageType>> schemas = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                schemas.complete(check(root, conf));
            } catch (Throwable e) {
                schemas.completeExceptionally(e);
            }
        }, "footer-check");
        thread.setDaemon(true);
        thread.start();
        return new FooterCheck(root, schemas);
    }

    /** The check in the calling thread. */
    static Map<String, MessageType> check(String root, Configuration conf) {
        try {
            return StoredFiles.check(FileSystem.get(URI.create(root), conf), root, conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the result tables under " + root, e);
        }
    }

    /**
     * Waits for the check; returns the Parquet schema of each table that has files.
     *
     * @throws ResultsFolderException for an unreadable file or one of another schema version
     */
    Map<String, MessageType> schemas() {
        try {
            return schemas.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }

    String root() {
        return root;
    }
}
