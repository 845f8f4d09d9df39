package dev.anchorsweep.analysis;

import dev.anchorsweep.results.FileCheck;
import dev.anchorsweep.results.ResultStore;
import dev.anchorsweep.results.ResultsFolderException;
import dev.anchorsweep.results.SweepVersion;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The footer check of every stored result file before a reader uses the folder: a file that cannot be read, or one
 * of another schema version, would otherwise fail a query halfway with a stack trace. The message names the file and
 * the command that repairs it ({@code run} moves unreadable files to {@code _quarantine/} and retrains their runs).
 * The footers are read in parallel (each is one small read at the end of its file); the Parquet schema of each
 * table's first file is kept, so that Spark need not run a job to infer it.
 */
final class StoredFiles {

    /** Footers read at the same time. */
    private static final int READERS = 8;

    private StoredFiles() {
    }

    /** A stored result file: its table, partition folder name and status. */
    private record Stored(String table, String partition, FileStatus status) {
    }

    /**
     * Checks every file and returns the Parquet schema of each table that has files (first file in listing order).
     *
     * @throws ResultsFolderException for the first unreadable file, or one of another schema version, in listing order
     */
    static Map<String, MessageType> check(FileSystem fs, String root, Configuration conf) throws IOException {
        List<Stored> files = list(fs, root);
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, Math.min(READERS, files.size())), r -> {
            Thread t = new Thread(r, "footer-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<FileCheck>> checks = new ArrayList<>();
            for (Stored file : files) checks.add(CompletableFuture.supplyAsync(() -> FileCheck.of(file.status(), conf), readers));
            for (int i = 0; i < files.size(); i++) {
                FileCheck check = checks.get(i).join();
                if (check.versionProblem() != null) throw new ResultsFolderException(check.versionProblem());
                if (!check.readable()) {
                    Stored file = files.get(i);
                    String sweepId = file.partition().substring("sweep_id=".length());
                    throw new ResultsFolderException("result file " + file.table() + "/" + file.partition() + "/"
                            + file.status().getPath().getName() + " under " + shown(root) + " is unreadable ("
                            + check.unreadable() + "): run `" + repair(root, sweepId, conf)
                            + "` to move it to _quarantine/ and train its runs again");
                }
            }
            Map<String, MessageType> schemas = new LinkedHashMap<>();
            for (Stored file : files) {
                if (!schemas.containsKey(file.table())) schemas.put(file.table(), schema(file.status(), conf));
            }
            return schemas;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            readers.shutdownNow();
        }
    }

    /** The sweep ids of a table's partition folders ({@code sweep_id=<id>}), sorted. */
    static List<String> sweepIds(FileSystem fs, String root, String table) throws IOException {
        Path dir = new Path(root, table);
        if (!fs.exists(dir)) return List.of();
        List<String> ids = new ArrayList<>();
        for (FileStatus partition : fs.listStatus(dir)) {
            String name = partition.getPath().getName();
            if (partition.isDirectory() && name.startsWith("sweep_id=")) ids.add(name.substring("sweep_id=".length()));
        }
        ids.sort(null);
        return ids;
    }

    /** The Parquet files of every table, table by table in {@link ResultViews#TABLES} order, then in listing order. */
    private static List<Stored> list(FileSystem fs, String root) throws IOException {
        List<Stored> files = new ArrayList<>();
        for (String table : ResultViews.TABLES) {
            Path dir = new Path(root, table);
            if (!fs.exists(dir)) continue;
            for (FileStatus partition : fs.listStatus(dir)) {
                String name = partition.getPath().getName();
                if (hidden(name)) continue;
                if (!partition.isDirectory() || !name.startsWith("sweep_id=")) throw stray(root, table + "/" + name);
                for (FileStatus file : fs.listStatus(partition.getPath())) {
                    String fileName = file.getPath().getName();
                    if (hidden(fileName)) continue;
                    if (!file.isFile() || !fileName.endsWith(".parquet")) throw stray(root, table + "/" + name + "/" + fileName);
                    files.add(new Stored(table, name, file));
                }
            }
        }
        return files;
    }

    private static MessageType schema(FileStatus file, Configuration conf) {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(file, conf))) {
            return reader.getFooter().getFileMetaData().getSchema();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footer of " + file.getPath(), e);
        }
    }

    /** Spark skips names that start with _ or . (our _tmp.* folders, .crc files); it reads everything else. */
    private static boolean hidden(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }

    /** Something Spark would read as part of a table (e.g. notes.txt, a report folder) and fail on with a stack trace. */
    private static ResultsFolderException stray(String root, String entry) {
        return new ResultsFolderException(entry + " under " + shown(root) + " is not a result file: a table's folder "
                + "holds only sweep_id=<name>/ folders of .parquet files, and Spark cannot read the table with it there; "
                + "move it out of " + shown(root));
    }

    /** The run command that repairs the sweep, with its config file when its latest readable sweeps row names one. */
    private static String repair(String root, String sweepId, Configuration conf) {
        String config = "CONFIG";
        try {
            List<SweepVersion> versions = new ResultStore(root, conf).sweepVersions(sweepId);
            for (SweepVersion v : versions) if (v.configFile() != null) config = v.configFile();
        } catch (IOException | RuntimeException e) {
            // the sweeps file itself may be the bad one: the command names CONFIG then
        }
        return "deploy/sweep run " + config + " --out " + shown(root);
    }

    private static String shown(String root) {
        return root.startsWith("file:") ? Path.getPathWithoutSchemeAndAuthority(new Path(URI.create(root))).toString() : root;
    }
}
