package dev.anchorsweep.results;

import org.apache.hadoop.fs.Path;

/**
 * Where result files live under the output root: {@code <table>/sweep_id=<id>/part-<commit_id>.parquet} (one file per
 * table per pack commit), {@code sweeps/sweep_id=<id>/version-0001.parquet} (one per sweep version), and the
 * temporary folder {@code _tmp.<commit_id>} a commit writes into before renaming; {@code _lock} and
 * {@code _quarantine/} at the root. Spark, Hadoop, DuckDB globs and pyarrow skip every {@code _}-name.
 */
record ResultLayout(Path root) {

    static final String SUFFIX = ".parquet";
    static final String PART_PREFIX = "part-";
    static final String VERSION_PREFIX = "version-";
    static final String TEMP_PREFIX = "_tmp.";

    Path table(ResultTable<?> table) {
        return new Path(root, table.name());
    }

    Path partition(ResultTable<?> table, String sweepId) {
        return new Path(table(table), "sweep_id=" + sweepId);
    }

    Path packFile(ResultTable<?> table, String sweepId, String commitId) {
        return new Path(partition(table, sweepId), PART_PREFIX + commitId + SUFFIX);
    }

    Path versionFile(String sweepId, int version) {
        return new Path(partition(ResultTable.SWEEPS, sweepId), String.format("%s%04d%s", VERSION_PREFIX, version, SUFFIX));
    }

    /** The folder a commit writes one table's files into before renaming them; removing it removes every leftover. */
    Path tempDir(ResultTable<?> table, String sweepId, String name) {
        return new Path(partition(table, sweepId), TEMP_PREFIX + name);
    }

    /** Where an unreadable file of the table is moved ({@code _quarantine/<table>/sweep_id=<id>/}). */
    Path quarantine(ResultTable<?> table, String sweepId) {
        return new Path(new Path(new Path(root, "_quarantine"), table.name()), "sweep_id=" + sweepId);
    }

    /** The commit id a pack file name carries, or null when the name is not one ({@code _tmp.*}, {@code .crc}, ...). */
    static String commitIdOf(String fileName) {
        boolean packFile = fileName.startsWith(PART_PREFIX) && fileName.endsWith(SUFFIX)
                && fileName.length() > PART_PREFIX.length() + SUFFIX.length();
        return packFile ? fileName.substring(PART_PREFIX.length(), fileName.length() - SUFFIX.length()) : null;
    }

    static boolean isData(String fileName) {
        return !fileName.startsWith("_") && !fileName.startsWith(".") && fileName.endsWith(SUFFIX);
    }
}
