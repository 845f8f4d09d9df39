package dev.anchorsweep.results;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One pack's commit, written as its runs' rows arrive: one file per table, {@code part-<commit_id>.parquet}, each
 * written into {@code _tmp.<commit_id>/} of its partition and renamed into place on {@link #commit()} —
 * {@code history}, {@code evaluations}, {@code latents}, then {@code runs} last. Until the runs file is renamed
 * nothing counts: readers see only rows whose (sweep_id, run_id, commit_id) has a runs row. {@link #close()} without
 * a commit removes what was written. Not thread-safe; one per pack attempt.
 */
public final class PackCommit implements AutoCloseable {

    private static final List<ResultTable<?>> DATA = List.of(ResultTable.HISTORY, ResultTable.EVALUATIONS, ResultTable.LATENTS);

    private record Open(Path temp, RowFileWriter<?> writer) {
    }

    private final FileSystem fs;
    private final ResultLayout layout;
    private final TableFileWriter writer;
    private final String sweepId;
    private final String commitId;
    private final Map<ResultTable<?>, Open> open = new LinkedHashMap<>();
    private final List<RunRow> runs = new ArrayList<>();
    private final Set<String> runIds = new HashSet<>();
    private boolean finished;

    PackCommit(FileSystem fs, ResultLayout layout, TableFileWriter writer, String sweepId, String commitId) {
        this.fs = fs;
        this.layout = layout;
        this.writer = writer;
        this.sweepId = ColumnCheck.id("sweep_id", sweepId);
        this.commitId = ColumnCheck.id("commit_id", commitId);
    }

    public String commitId() {
        return commitId;
    }

    /** Writes the run's history, evaluation and latent rows; its runs row is written on {@link #commit()}. */
    public void add(RunRows rows) throws IOException {
        if (finished) throw new IllegalStateException("pack commit " + commitId + " is already finished");
        if (!rows.sweepId().equals(sweepId)) {
            throw new IllegalArgumentException("pack commit " + commitId + " of sweep " + sweepId + " was given run "
                    + rows.runId() + " of sweep " + rows.sweepId());
        }
        if (!runIds.add(rows.runId())) {
            throw new IllegalArgumentException("pack commit " + commitId + " was given run " + rows.runId() + " twice");
        }
        write(ResultTable.HISTORY, rows.history());
        write(ResultTable.EVALUATIONS, rows.evaluations());
        write(ResultTable.LATENTS, rows.latents());
        runs.add(rows.run());
    }

    /** Renames the data files into place, then writes and renames the runs file: from then on the runs count. */
    public void commit() throws IOException {
        if (finished) throw new IllegalStateException("pack commit " + commitId + " is already finished");
        for (Open o : open.values()) o.writer().close();
        for (ResultTable<?> table : DATA) {
            Open o = open.get(table);
            if (o != null) moveIntoPlace(table, o.temp());
        }
        open.clear();
        if (!runs.isEmpty()) {
            write(ResultTable.RUNS, runs);
            Open o = open.remove(ResultTable.RUNS);
            o.writer().close();
            moveIntoPlace(ResultTable.RUNS, o.temp()); // the commit point
        }
        finished = true;
    }

    /** Removes the temporary files of an uncommitted pack (nothing after {@link #commit()}). */
    @Override
    public void close() throws IOException {
        if (finished) return;
        finished = true;
        for (Open o : open.values()) {
            try {
                o.writer().close();
            } catch (IOException | RuntimeException e) {
                // the temporary file is removed below either way
            }
        }
        for (ResultTable<?> table : open.keySet()) fs.delete(layout.tempDir(table, sweepId, commitId), true);
        open.clear();
    }

    private <R> void write(ResultTable<R> table, List<R> rows) throws IOException {
        if (rows.isEmpty()) return;
        Open o = open.get(table);
        if (o == null) {
            Path temp = new Path(layout.tempDir(table, sweepId, commitId), "_" + commitId + ".tmp");
            o = new Open(temp, writer.open(table, commitId, new FileSystemOutputFile(fs, temp)));
            open.put(table, o);
        }
        @SuppressWarnings("unchecked") // opened for this table above
        RowFileWriter<R> out = (RowFileWriter<R>) o.writer();
        for (R row : rows) out.write(row);
    }

    private void moveIntoPlace(ResultTable<?> table, Path temp) throws IOException {
        Path target = layout.packFile(table, sweepId, commitId);
        if (!fs.rename(temp, target)) {
            throw new IOException("could not rename " + temp + " to " + target + ": the temporary file must exist and the "
                    + "target must not (commit ids are unique per pack attempt)");
        }
        fs.delete(temp.getParent(), true);
    }
}
