package dev.anchorsweep.results;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * The result tables under one output root, written one file per run per table:
 * {@code <root>/<table>/sweep_id=<id>/run-<run_id>.parquet}. The root is any Hadoop filesystem URI ({@code file://},
 * {@code hdfs://}, {@code s3a://}); a path without a scheme resolves against {@code fs.defaultFS} (local unless
 * configured). Safe for concurrent commits of different runs.
 *
 * <p>Commit protocol. Each file is written into {@code _tmp.run-<run_id>/} beside its final name and renamed into
 * place; readers skip {@code _}-names, so a killed writer leaves nothing they read, and the next commit of the same
 * run removes its leftovers. The {@code runs} file is removed first and written last: <b>a run is committed exactly
 * when its runs file exists</b>, and readers should join the other tables to {@code runs}.
 *
 * <p>Existing files: committing a run again <b>replaces</b> its files (latest wins), never duplicates them: the final
 * names are fixed per run. The replace is an atomic rename on POSIX local filesystems and on HDFS
 * ({@code Rename.OVERWRITE}); on stores whose rename refuses an existing target (S3A) it is delete-then-rename. A table
 * with no rows gets no file (and loses the previous one).
 *
 * <p>On the local filesystem files are written through its raw form (no {@code .crc} side files), a private instance
 * so the JVM-wide cached one (Spark's) is left as it is; see {@link NoForkLocalFileSystem}.
 */
public final class ResultStore {

    private static final Schema STATUS_ONLY = SchemaBuilder.record("RunRecord").namespace("dev.anchorsweep.results")
            .fields().requiredString("status").endRecord();

    private final FileSystem fs;
    private final ResultLayout layout;
    private final TableFileWriter writer;
    private final Configuration statusReadConf;

    public ResultStore(String root, Configuration conf) throws IOException {
        Path rootPath = new Path(ColumnCheck.text("result root", root));
        FileSystem shared = FileSystem.get(rootPath.toUri(), conf);
        this.fs = shared instanceof LocalFileSystem ? localWithoutChecksumsOrForks(conf) : shared;
        this.layout = new ResultLayout(shared.makeQualified(rootPath));
        this.writer = new TableFileWriter(conf);
        this.statusReadConf = new Configuration(conf);
        AvroReadSupport.setRequestedProjection(statusReadConf, STATUS_ONLY);
    }

    private static FileSystem localWithoutChecksumsOrForks(Configuration conf) throws IOException {
        FileSystem local = new NoForkLocalFileSystem();
        local.initialize(URI.create("file:///"), conf);
        return local;
    }

    /** The qualified output root, e.g. {@code file:/tmp/out}. */
    public String root() {
        return layout.root().toString();
    }

    /** Writes (or replaces) the run's files; the run counts as committed once this returns. */
    public void commitRun(String sweepId, String runId, RunRows rows) throws IOException {
        if (!rows.sweepId().equals(sweepId) || !rows.runId().equals(runId)) {
            throw new IllegalArgumentException("commitRun(" + sweepId + ", " + runId + ") was given the rows of run ("
                    + rows.sweepId() + ", " + rows.runId() + ")");
        }
        Path runsFile = layout.runFile(ResultTable.RUNS, sweepId, runId);
        fs.delete(runsFile, false); // uncommit first: while the other tables are replaced, the run does not count
        replace(ResultTable.HISTORY, layout.runFile(ResultTable.HISTORY, sweepId, runId), rows.history());
        replace(ResultTable.EVALUATIONS, layout.runFile(ResultTable.EVALUATIONS, sweepId, runId), rows.evaluations());
        replace(ResultTable.LATENTS, layout.runFile(ResultTable.LATENTS, sweepId, runId), rows.latents());
        replace(ResultTable.RUNS, runsFile, List.of(rows.run()));
    }

    /** Writes the sweep's row, replacing the previous one atomically (latest wins). */
    public void commitSweep(SweepRow row) throws IOException {
        replace(ResultTable.SWEEPS, layout.sweepFile(row.sweepId()), List.of(row));
    }

    /** The runs of the sweep whose runs file exists, from file names only (no Parquet is read). */
    public Set<String> committedRunIds(String sweepId) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (FileStatus file : runsFiles(sweepId)) ids.add(ResultLayout.runIdOf(file.getPath().getName()));
        return Collections.unmodifiableSet(ids);
    }

    /** Committed run id → status ({@code ok} or {@code failed}), reading only the status column of the runs files. */
    public Map<String, String> runStatuses(String sweepId) throws IOException {
        Map<String, String> statuses = new TreeMap<>();
        for (FileStatus file : runsFiles(sweepId)) {
            String runId = ResultLayout.runIdOf(file.getPath().getName());
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                    HadoopInputFile.fromStatus(file, statusReadConf)).withConf(statusReadConf).build()) {
                GenericRecord row = reader.read();
                if (row == null) throw new IOException("runs file " + file.getPath() + " must hold one row, but holds none");
                statuses.put(runId, row.get("status").toString());
            }
        }
        return Collections.unmodifiableMap(statuses);
    }

    /** Removes every file of the run, runs file first (so it stops counting at once); a no-op for an unknown run. */
    public void deleteRun(String sweepId, String runId) throws IOException {
        ColumnCheck.id("sweep_id", sweepId);
        ColumnCheck.id("run_id", runId);
        for (ResultTable<?> table : List.of(ResultTable.RUNS, ResultTable.HISTORY, ResultTable.EVALUATIONS, ResultTable.LATENTS)) {
            Path file = layout.runFile(table, sweepId, runId);
            fs.delete(file, false);
            fs.delete(ResultLayout.tempDir(file), true);
        }
    }

    private List<FileStatus> runsFiles(String sweepId) throws IOException {
        FileStatus[] files;
        try {
            files = fs.listStatus(layout.partition(ResultTable.RUNS, ColumnCheck.id("sweep_id", sweepId)));
        } catch (FileNotFoundException e) {
            return List.of();
        }
        return Arrays.stream(files)
                .filter(f -> f.isFile() && ResultLayout.runIdOf(f.getPath().getName()) != null).toList();
    }

    private <R> void replace(ResultTable<R> table, Path target, List<R> rows) throws IOException {
        Path tempDir = ResultLayout.tempDir(target);
        fs.delete(tempDir, true); // leftovers of a killed writer of this file
        if (rows.isEmpty()) {
            fs.delete(target, false);
            return;
        }
        Path temp = new Path(tempDir, "_" + UUID.randomUUID() + ".tmp");
        writer.write(table, new FileSystemOutputFile(fs, temp), rows);
        moveIntoPlace(temp, target);
        fs.delete(tempDir, true);
    }

    private void moveIntoPlace(Path temp, Path target) throws IOException {
        if (fs instanceof DistributedFileSystem hdfs) {
            hdfs.rename(temp, target, Options.Rename.OVERWRITE);
            return;
        }
        if (rename(temp, target)) return; // POSIX rename replaces an existing target atomically
        if (fs.exists(temp) && fs.exists(target) && fs.delete(target, false) && rename(temp, target)) return;
        throw new IOException("could not rename " + temp + " to " + target
                + ": the temporary file must exist and the target must be replaceable (was the run committed concurrently?)");
    }

    private boolean rename(Path from, Path to) throws IOException {
        try {
            return fs.rename(from, to);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }
}
