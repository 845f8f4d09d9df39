package dev.anchorsweep.analysis;

import dev.anchorsweep.results.FileCheck;
import dev.anchorsweep.results.ResultStore;
import dev.anchorsweep.results.ResultsFolderException;
import dev.anchorsweep.results.SweepVersion;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * The footer check of every stored result file before a reader uses the folder: a file that cannot be read, or one
 * of another schema version, would otherwise fail a query halfway with a stack trace. The message names the file and
 * the command that repairs it ({@code run} moves unreadable files to {@code _quarantine/} and retrains their runs).
 */
final class StoredFiles {

    private StoredFiles() {
    }

    static void check(FileSystem fs, String root, Configuration conf) throws IOException {
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
                    FileCheck check = FileCheck.of(file, conf);
                    if (check.versionProblem() != null) throw new ResultsFolderException(check.versionProblem());
                    if (!check.readable()) {
                        String sweepId = name.substring("sweep_id=".length());
                        throw new ResultsFolderException("result file " + table + "/" + name + "/" + fileName + " under "
                                + shown(root) + " is unreadable (" + check.unreadable() + "): run `" + repair(root, sweepId, conf)
                                + "` to move it to _quarantine/ and train its runs again");
                    }
                }
            }
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
