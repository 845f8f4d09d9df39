package dev.anchorsweep.results;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Readies one sweep's files for a new writer, under the folder's lock: see {@link ResultStore#repair}. A pack commit is
 * one unit: when any of its files is unreadable, its runs file goes (its runs are trained again) and its other files
 * become orphans, which are removed with every other data file whose commit has no runs file.
 */
public final class SweepRepair {

    /**
     * @param quarantined unreadable files moved to {@code _quarantine/}
     * @param uncommitted runs that were committed in a pack with an unreadable file, and so are trained again
     * @param orphans     data files of packs without a runs file (killed before their commit), removed
     * @param temporaries temporary folders of killed writers, removed
     */
    public record Report(int quarantined, int uncommitted, int orphans, int temporaries) {
    }

    private static final List<ResultTable<?>> ALL = List.of(ResultTable.SWEEPS, ResultTable.RUNS, ResultTable.HISTORY,
            ResultTable.EVALUATIONS, ResultTable.LATENTS);
    private static final List<ResultTable<?>> DATA = List.of(ResultTable.HISTORY, ResultTable.EVALUATIONS, ResultTable.LATENTS);

    private final FileSystem fs;
    private final ResultLayout layout;
    private final Configuration conf;
    private final ResultStore store;

    SweepRepair(FileSystem fs, ResultLayout layout, Configuration conf, ResultStore store) {
        this.fs = fs;
        this.layout = layout;
        this.conf = conf;
        this.store = store;
    }

    Report repair(String sweepId, Consumer<String> warn) throws IOException {
        int quarantined = 0, temporaries = 0, orphans = 0, uncommitted = 0;
        Set<String> badCommits = new HashSet<>();
        for (ResultTable<?> table : ALL) {
            Path partition = layout.partition(table, sweepId);
            if (!fs.exists(partition)) continue;
            for (FileStatus entry : fs.listStatus(partition)) {
                String name = entry.getPath().getName();
                if (name.startsWith(ResultLayout.TEMP_PREFIX)) {
                    fs.delete(entry.getPath(), true);
                    temporaries++;
                    continue;
                }
                if (!entry.isFile() || !ResultLayout.isData(name)) continue;
                FileCheck check = FileCheck.of(entry, conf);
                if (check.versionProblem() != null) throw new ResultsFolderException(check.versionProblem());
                if (check.readable()) continue;
                Path quarantine = new Path(layout.quarantine(table, sweepId), name);
                fs.mkdirs(quarantine.getParent());
                fs.delete(quarantine, false);
                if (!fs.rename(entry.getPath(), quarantine)) {
                    throw new IOException("could not move unreadable " + entry.getPath() + " to " + quarantine);
                }
                quarantined++;
                String commitId = ResultLayout.commitIdOf(name);
                if (commitId != null) badCommits.add(commitId);
                warn.accept("warning: " + table + "/sweep_id=" + sweepId + "/" + name + " is unreadable (" + check.unreadable()
                        + "): moved to " + quarantine + (commitId == null ? "; its sweep version's row is lost"
                        : "; the runs of its pack are trained again"));
            }
        }
        Set<String> live = new HashSet<>();
        for (FileStatus runs : store.dataFiles(ResultTable.RUNS, sweepId)) {
            String commitId = ResultLayout.commitIdOf(runs.getPath().getName());
            if (commitId != null && badCommits.contains(commitId)) {
                uncommitted += store.runsIn(runs).size();
                fs.delete(runs.getPath(), false);
            } else if (commitId != null) {
                live.add(commitId);
            }
        }
        for (ResultTable<?> table : DATA) {
            for (FileStatus file : store.dataFiles(table, sweepId)) {
                if (!live.contains(ResultLayout.commitIdOf(file.getPath().getName()))) {
                    fs.delete(file.getPath(), false);
                    orphans++;
                }
            }
        }
        return new Report(quarantined, uncommitted, orphans, temporaries);
    }
}
