package dev.anchorsweep.results;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
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
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * The result tables under one output root: {@code <root>/<table>/sweep_id=<id>/part-<commit_id>.parquet}, one file
 * per table per pack commit ({@link PackCommit}), and {@code sweeps/sweep_id=<id>/version-NNNN.parquet}, one per sweep
 * version. The root is any Hadoop filesystem URI ({@code file://}, {@code hdfs://}, {@code s3a://}); a path without a
 * scheme resolves against {@code fs.defaultFS} (local unless configured). Safe for concurrent commits of different
 * packs; the driver's maintenance ({@link #repair}, {@link #uncommit}) runs under the folder's {@link ResultsLock}.
 *
 * <p>Commit protocol: <b>a run is committed exactly when a readable runs file holds a row for it</b>, and its rows in
 * the other tables are those with the same (sweep_id, run_id, commit_id). A retried or zombie task attempt writes under
 * a new commit id, so it never replaces a committed file; should it commit a run twice, readers keep one (the views
 * the first by finished_at, then commit_id).
 *
 * <p>On the local filesystem files are written through its raw form (no {@code .crc} side files), a private instance
 * so the JVM-wide cached one (Spark's) is left as it is; see {@link NoForkLocalFileSystem}.
 */
public final class ResultStore {

    private static final Schema RUN_KEYS = projection(ResultTable.RUNS.schema(), "run_id", "status", "commit_id", "finished_at");
    private static final Schema VERSION_KEYS = projection(ResultTable.SWEEPS.schema(), "version", "config_hash", "run_ids",
            "created_at", "config_file");
    private static final List<ResultTable<?>> DATA = List.of(ResultTable.HISTORY, ResultTable.EVALUATIONS, ResultTable.LATENTS);

    private record Cached(long modified, long length, List<CommittedRun> runs) {
    }

    private final FileSystem fs;
    private final ResultLayout layout;
    private final TableFileWriter writer;
    private final Configuration conf;
    private final Map<Path, Cached> runsFiles = new ConcurrentHashMap<>();

    public ResultStore(String root, Configuration conf) throws IOException {
        Path rootPath = new Path(ColumnCheck.text("result root", root));
        FileSystem shared = FileSystem.get(rootPath.toUri(), conf);
        this.fs = shared instanceof LocalFileSystem ? localWithoutChecksumsOrForks(conf) : shared;
        this.layout = new ResultLayout(shared.makeQualified(rootPath));
        this.writer = new TableFileWriter(conf);
        this.conf = conf;
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

    /** A new pack commit; write its runs with {@link PackCommit#add}, then {@link PackCommit#commit}, and close it. */
    public PackCommit openPack(String sweepId, String commitId) {
        return new PackCommit(fs, layout, writer, sweepId, commitId);
    }

    /** Commits the runs as one pack; they count once this returns. */
    public void commitPack(String sweepId, String commitId, List<RunRows> runs) throws IOException {
        try (PackCommit commit = openPack(sweepId, commitId)) {
            for (RunRows rows : runs) commit.add(rows);
            commit.commit();
        }
    }

    /** Writes the row of one sweep version, replacing that version's previous row atomically (latest wins). */
    public void commitSweep(SweepRow row) throws IOException {
        Path target = layout.versionFile(row.sweepId(), row.version());
        Path temp = new Path(layout.tempDir(ResultTable.SWEEPS, row.sweepId(), "version-" + UUID.randomUUID()), "_row.tmp");
        writer.write(ResultTable.SWEEPS, new FileSystemOutputFile(fs, temp), List.of(row), null);
        replace(temp, target);
    }

    /** The sweep's versions whose row can be read, by version. */
    public List<SweepVersion> sweepVersions(String sweepId) throws IOException {
        List<SweepVersion> versions = new ArrayList<>();
        for (FileStatus file : dataFiles(ResultTable.SWEEPS, sweepId)) {
            for (GenericRecord r : read(file, VERSION_KEYS)) {
                List<String> ids = new ArrayList<>();
                for (Object id : (List<?>) r.get("run_ids")) ids.add(id.toString());
                versions.add(new SweepVersion((Integer) r.get("version"), r.get("config_hash").toString(), ids,
                        Instant.ofEpochMilli((Long) r.get("created_at")),
                        r.get("config_file") == null ? null : r.get("config_file").toString()));
            }
        }
        versions.sort(Comparator.comparingInt(SweepVersion::version));
        return versions;
    }

    /**
     * The sweep's committed runs by run id, from the runs files alone (three small columns each; unchanged files are
     * read once). A run committed twice (a zombie task attempt) is given by its first commit, as in the views.
     */
    public Map<String, CommittedRun> committedRuns(String sweepId) throws IOException {
        List<CommittedRun> all = new ArrayList<>();
        for (FileStatus file : dataFiles(ResultTable.RUNS, sweepId)) all.addAll(runsIn(file));
        all.sort(Comparator.comparing(CommittedRun::finishedAt).thenComparing(CommittedRun::commitId));
        Map<String, CommittedRun> runs = new LinkedHashMap<>();
        for (CommittedRun run : all) runs.putIfAbsent(run.runId(), run);
        return Collections.unmodifiableMap(runs);
    }

    public Set<String> committedRunIds(String sweepId) throws IOException {
        return committedRuns(sweepId).keySet();
    }

    /**
     * Makes the runs uncommitted: every runs file holding one is rewritten without it (atomic replace; removed when
     * nothing is left), then the data files of those commits lose the runs' rows, so nothing stale remains. Only while
     * no pack writes (under the folder's lock). A crash in between leaves rows that no runs row names: invisible.
     */
    public void uncommit(String sweepId, Set<String> runIds) throws IOException {
        if (runIds.isEmpty()) return;
        Map<String, Set<String>> keptByCommit = new LinkedHashMap<>();
        for (FileStatus file : dataFiles(ResultTable.RUNS, sweepId)) {
            List<CommittedRun> runs = runsIn(file);
            if (runs.stream().noneMatch(r -> runIds.contains(r.runId()))) continue;
            Set<String> kept = new HashSet<>();
            runs.stream().map(CommittedRun::runId).filter(id -> !runIds.contains(id)).forEach(kept::add);
            keptByCommit.put(ResultLayout.commitIdOf(file.getPath().getName()), kept);
            rewrite(file, r -> kept.contains(r.get("run_id").toString()));
        }
        for (ResultTable<?> table : DATA) {
            for (FileStatus file : dataFiles(table, sweepId)) {
                Set<String> kept = keptByCommit.get(ResultLayout.commitIdOf(file.getPath().getName()));
                if (kept != null) rewrite(file, r -> kept.contains(r.get("run_id").toString()));
            }
        }
    }

    /**
     * Readies a sweep's files for a new writer (under the folder's lock): removes temporary folders of killed writers,
     * checks the footer of every file, moves unreadable ones to {@code _quarantine/} (warning on {@code warn}) and
     * uncommits the packs they belonged to, and removes the data files of packs without a runs file (orphans).
     *
     * @throws ResultsFolderException for a file of another schema version (left where it is)
     */
    public SweepRepair.Report repair(String sweepId, Consumer<String> warn) throws IOException {
        return new SweepRepair(fs, layout, conf, this).repair(ColumnCheck.id("sweep_id", sweepId), warn);
    }

    /** The final data files of a table's partition (no temporaries, no side files), by name. */
    List<FileStatus> dataFiles(ResultTable<?> table, String sweepId) throws IOException {
        FileStatus[] files;
        try {
            files = fs.listStatus(layout.partition(table, ColumnCheck.id("sweep_id", sweepId)));
        } catch (FileNotFoundException e) {
            return List.of();
        }
        return Arrays.stream(files).filter(f -> f.isFile() && ResultLayout.isData(f.getPath().getName()))
                .sorted(Comparator.comparing(f -> f.getPath().getName())).toList();
    }

    List<CommittedRun> runsIn(FileStatus file) throws IOException {
        Cached cached = runsFiles.get(file.getPath());
        if (cached != null && cached.modified() == file.getModificationTime() && cached.length() == file.getLen()) {
            return cached.runs();
        }
        List<CommittedRun> runs = new ArrayList<>();
        for (GenericRecord r : read(file, RUN_KEYS)) {
            runs.add(new CommittedRun(r.get("run_id").toString(), r.get("status").toString(), r.get("commit_id").toString(),
                    Instant.ofEpochMilli((Long) r.get("finished_at")), file.getPath().toString()));
        }
        runsFiles.put(file.getPath(), new Cached(file.getModificationTime(), file.getLen(), List.copyOf(runs)));
        return runs;
    }

    private static Schema projection(Schema schema, String... columns) {
        List<Schema.Field> fields = new ArrayList<>();
        for (String column : columns) {
            Schema.Field f = schema.getField(column);
            fields.add(new Schema.Field(f.name(), f.schema(), f.doc(), f.defaultVal()));
        }
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    /** The file's rows, projected onto {@code projection} (null: every column). */
    private List<GenericRecord> read(FileStatus file, Schema projection) throws IOException {
        Configuration readConf = new Configuration(conf);
        if (projection != null) {
            // the projection is converted to Parquet like the written schema: the standard 3-level lists
            readConf.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
            AvroReadSupport.setRequestedProjection(readConf, projection);
        }
        List<GenericRecord> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                HadoopInputFile.fromStatus(file, readConf)).withDataModel(GenericData.get()).withConf(readConf).build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) rows.add(r);
        }
        return rows;
    }

    /** Rewrites the file with the rows {@code keep} accepts (atomic replace), or removes it when none is left. */
    private void rewrite(FileStatus file, Predicate<GenericRecord> keep) throws IOException {
        List<GenericRecord> rows = read(file, null);
        List<GenericRecord> kept = rows.stream().filter(keep).toList();
        if (kept.size() == rows.size()) return;
        if (kept.isEmpty()) {
            fs.delete(file.getPath(), false);
            return;
        }
        Path temp = new Path(new Path(file.getPath().getParent(), ResultLayout.TEMP_PREFIX + "rewrite-" + UUID.randomUUID()),
                "_rewrite.tmp");
        try (ParquetWriter<GenericRecord> out = writer.open(kept.get(0).getSchema(), new FileSystemOutputFile(fs, temp))) {
            for (GenericRecord r : kept) out.write(r);
        }
        replace(temp, file.getPath());
    }

    /** Renames {@code temp} onto {@code target}, replacing it, and removes the temporary folder. */
    private void replace(Path temp, Path target) throws IOException {
        moveIntoPlace(temp, target);
        fs.delete(temp.getParent(), true);
    }

    private void moveIntoPlace(Path temp, Path target) throws IOException {
        if (fs instanceof DistributedFileSystem hdfs) {
            hdfs.rename(temp, target, Options.Rename.OVERWRITE);
            return;
        }
        if (rename(temp, target)) return; // POSIX rename replaces an existing target atomically
        if (fs.exists(temp) && fs.exists(target) && fs.delete(target, false) && rename(temp, target)) return;
        throw new IOException("could not rename " + temp + " to " + target
                + ": the temporary file must exist and the target must be replaceable");
    }

    private boolean rename(Path from, Path to) throws IOException {
        try {
            return fs.rename(from, to);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }
}
