package dev.anchorsweep.results;

/**
 * Version of the result tables' schemas, written into every row's {@code schema_version} column.
 * Bump it (and the {@code default} of {@code schema_version} in every {@code avro/*.avsc}) whenever a column is
 * added, removed or changes meaning; {@link ResultTable} refuses to load a schema that declares another version.
 * Readers refuse files of another version ({@link FileCheck#versionProblem()}): 1 had one file per run and no commit_id;
 * 2 had no stopped runs (runs.stopped_step, runs.stop_rule); 3 had one latents row per colour (now one per run × step
 * × intervention × colour set, the colours and latents as arrays)
 * and no summary columns (runs.concept_label, …, sweeps.runs_stopped).
 */
public final class SchemaVersion {

    public static final int CURRENT = 4;

    private SchemaVersion() {
    }
}
