package dev.anchorsweep.results;

import org.apache.hadoop.fs.Path;

/**
 * Where result files live: {@code <root>/<table>/sweep_id=<id>/run-<run_id>.parquet} ({@code sweep-<id>.parquet}
 * for {@code sweeps}), and the temporary folder {@code _tmp.<file name without .parquet>} beside each final file,
 * which Spark, Hadoop, DuckDB globs and pyarrow all skip (leading {@code _}, no {@code .parquet} suffix inside).
 */
record ResultLayout(Path root) {

    static final String SUFFIX = ".parquet";
    static final String RUN_PREFIX = "run-";

    Path partition(ResultTable<?> table, String sweepId) {
        return new Path(new Path(root, table.name()), "sweep_id=" + sweepId);
    }

    Path runFile(ResultTable<?> table, String sweepId, String runId) {
        return new Path(partition(table, sweepId), RUN_PREFIX + runId + SUFFIX);
    }

    Path sweepFile(String sweepId) {
        return new Path(partition(ResultTable.SWEEPS, sweepId), "sweep-" + sweepId + SUFFIX);
    }

    /** The folder a writer of {@code finalFile} writes into before renaming; removing it removes every leftover. */
    static Path tempDir(Path finalFile) {
        String name = finalFile.getName();
        return new Path(finalFile.getParent(), "_tmp." + name.substring(0, name.length() - SUFFIX.length()));
    }

    /** The run id a final run file name carries, or null when the name is not one ({@code _tmp.*}, {@code .crc}, ...). */
    static String runIdOf(String fileName) {
        boolean runFile = fileName.startsWith(RUN_PREFIX) && fileName.endsWith(SUFFIX)
                && fileName.length() > RUN_PREFIX.length() + SUFFIX.length();
        return runFile ? fileName.substring(RUN_PREFIX.length(), fileName.length() - SUFFIX.length()) : null;
    }
}
