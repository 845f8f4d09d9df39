package dev.anchorsweep.analysis;

import dev.anchorsweep.results.ResultStore;
import dev.anchorsweep.results.ResultsFolderException;
import dev.anchorsweep.results.SweepVersion;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The footer check of a results folder ({@link StoredFiles}), and a read of its sweeps' versions, under way on a
 * thread of its own, so that a command can
 * start it before its Spark session and have both at once: on two cores the check costs the start nothing.
 * {@link ResultViews#register(org.apache.spark.sql.SparkSession, String, Integer, FooterCheck)} takes its outcome.
 */
public final class FooterCheck {

    private final String root;
    private final CompletableFuture<Outcome> outcome;

    private FooterCheck(String root, CompletableFuture<Outcome> outcome) {
        this.root = root;
        this.outcome = outcome;
    }

    /** Starts checking every stored file under {@code root} with the given Hadoop configuration; returns at once. */
    public static FooterCheck start(String root, Configuration conf) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(check(root, conf));
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        }, "footer-check");
        thread.setDaemon(true);
        thread.start();
        return new FooterCheck(root, outcome);
    }

    /**
     * What the check found: each table's Parquet schema (of the tables that have files) and every version of every
     * sweep, by sweep id (from the small {@code sweeps} files, read here so that Spark need not plan a join for them).
     */
    record Outcome(Map<String, MessageType> schemas, Map<String, List<SweepVersion>> versions) {
    }

    /** The check in the calling thread. */
    static Outcome check(String root, Configuration conf) {
        try {
            FileSystem fs = FileSystem.get(URI.create(root), conf);
            Map<String, MessageType> schemas = StoredFiles.check(fs, root, conf);
            Map<String, List<SweepVersion>> versions = new TreeMap<>();
            if (schemas.containsKey("sweeps")) {
                ResultStore store = new ResultStore(root, conf);
                for (String sweepId : StoredFiles.sweepIds(fs, root, "sweeps")) versions.put(sweepId, store.sweepVersions(sweepId));
            }
            return new Outcome(schemas, versions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the result tables under " + root, e);
        }
    }

    /**
     * Waits for the check and returns what it found.
     *
     * @throws ResultsFolderException for an unreadable file or one of another schema version
     */
    Outcome outcome() {
        try {
            return outcome.join();
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
