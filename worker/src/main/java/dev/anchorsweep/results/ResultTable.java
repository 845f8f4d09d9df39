package dev.anchorsweep.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The result tables: each one's folder name, its Avro schema (loaded once from {@code /avro/<name>.avsc}) and the
 * conversion of its row record into an Avro record. A closed set of constants, typed by row (an enum cannot be).
 */
public final class ResultTable<R> {

    public static final ResultTable<SweepRow> SWEEPS = new ResultTable<>("sweeps", ResultTable::sweep);
    public static final ResultTable<RunRow> RUNS = new ResultTable<>("runs", ResultTable::run);
    public static final ResultTable<HistoryRow> HISTORY = new ResultTable<>("history", ResultTable::history);
    public static final ResultTable<EvaluationRow> EVALUATIONS = new ResultTable<>("evaluations", ResultTable::evaluation);
    public static final ResultTable<LatentRow> LATENTS = new ResultTable<>("latents", ResultTable::latent);

    private static final List<ResultTable<?>> ALL = List.of(SWEEPS, RUNS, HISTORY, EVALUATIONS, LATENTS);

    private final String name;
    private final Schema schema;
    private final BiConsumer<R, Columns> columns;
    private final boolean committedByPack;

    private ResultTable(String name, BiConsumer<R, Columns> columns) {
        this.name = name;
        this.schema = load(name);
        this.columns = columns;
        this.committedByPack = schema.getField("commit_id") != null;
    }

    public static List<ResultTable<?>> all() {
        return ALL;
    }

    /** The table's folder name under the output root, e.g. {@code runs}. */
    public String name() {
        return name;
    }

    public Schema schema() {
        return schema;
    }

    /** Whether the table's rows carry the {@code commit_id} of the pack commit that wrote them (all but sweeps). */
    public boolean committedByPack() {
        return committedByPack;
    }

    /**
     * Where a row's column values go: a column's name and its value (null for none). A list column's value is a
     * {@link List}, or for lists of doubles a {@code double[]} (a {@code double[][]} for a list of such lists).
     */
    @FunctionalInterface
    public interface Columns {
        void put(String column, Object value);
    }

    /** The row as an Avro record; {@code commitId} fills {@code commit_id} (ignored by {@code sweeps}). */
    public GenericRecord toRecord(R row, String commitId) {
        GenericRecord record = new GenericData.Record(schema);
        columns(row, commitId == null ? null : ColumnCheck.id("commit_id", commitId), (c, v) -> record.put(c, avro(v)));
        return record;
    }

    /** A column value as an Avro record holds it: the arrays of {@code latents} as lists. */
    private static Object avro(Object value) {
        if (value instanceof double[] a) return Arrays.stream(a).boxed().toList();
        if (value instanceof double[][] a) return Arrays.stream(a).map(ResultTable::avro).toList();
        return value;
    }

    /**
     * Every column value of the row, {@code schema_version} and {@code commit_id} (a checked id, or null for tables
     * without it) included: the one mapping of row records to columns, for Avro records and for {@link RowShredder}.
     */
    void columns(R row, String commitId, Columns out) {
        out.put("schema_version", SchemaVersion.CURRENT);
        if (committedByPack()) out.put("commit_id", commitId);
        columns.accept(row, out);
    }

    @Override
    public String toString() {
        return name;
    }

    private static Schema load(String name) {
        String resource = "/avro/" + name + ".avsc";
        Schema schema;
        try (InputStream in = ResultTable.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Avro schema resource " + resource + " is missing from the classpath");
            schema = new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Avro schema " + resource, e);
        }
        Schema.Field version = schema.getField("schema_version");
        Object declared = version == null ? null : version.defaultVal();
        if (!(declared instanceof Number n) || n.intValue() != SchemaVersion.CURRENT) {
            throw new IllegalStateException(resource + " must declare schema_version with default " + SchemaVersion.CURRENT
                    + " (SchemaVersion.CURRENT), but declares " + declared);
        }
        return schema;
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static void sweep(SweepRow row, Columns r) {
        r.put("sweep_id", row.sweepId());
        r.put("version", row.version());
        r.put("config_hash", row.configHash());
        r.put("run_ids", row.runIds());
        r.put("name", row.name());
        r.put("config", row.config());
        r.put("config_file", row.configFile());
        r.put("created_at", millis(row.createdAt()));
        r.put("finished_at", millis(row.finishedAt()));
        r.put("runs_total", row.runsTotal());
        r.put("runs_ok", row.runsOk());
        r.put("runs_failed", row.runsFailed());
        r.put("runs_stopped", row.runsStopped());
        r.put("master", row.master());
        r.put("code_version", row.codeVersion());
    }

    private static void run(RunRow row, Columns r) {
        r.put("sweep_id", row.sweepId());
        r.put("run_id", row.runId());
        r.put("arm", row.arm());
        r.put("seed", row.seed());
        r.put("status", row.status());
        r.put("error", row.error());
        r.put("failed_step", row.failedStep());
        r.put("regularizers", row.regularizers());
        r.put("axes", row.axes());
        r.put("latent_dim", row.latentDim());
        r.put("hidden_width", row.hiddenWidth());
        r.put("layers", row.layers());
        r.put("steps", row.steps());
        r.put("batch_size", row.batchSize());
        r.put("pack_id", row.packId());
        r.put("pack_size", row.packSize());
        r.put("train_seconds", row.trainSeconds());
        r.put("eval_seconds", row.evalSeconds());
        r.put("final_loss", row.finalLoss());
        r.put("final_recon", row.finalRecon());
        r.put("final_terms", row.finalTerms());
        r.put("val_recon", row.valRecon());
        r.put("val_terms", row.valTerms());
        r.put("label_counts", row.labelCounts());
        r.put("scores", row.scores());
        r.put("selection_intervention", row.selectionIntervention());
        r.put("selection_score", row.selectionScore());
        r.put("selection_metrics", row.selectionMetrics());
        r.put("concept_direction", row.conceptDirection());
        r.put("spec", row.spec());
        r.put("code_version", row.codeVersion());
        r.put("host", row.host());
        r.put("jvm", row.jvm());
        r.put("started_at", millis(row.startedAt()));
        r.put("finished_at", millis(row.finishedAt()));
        r.put("attempt", row.attempt());
        r.put("sweep_version", row.sweepVersion());
        r.put("engine", row.engine());
        r.put("stopped_step", row.stoppedStep());
        r.put("stop_rule", row.stopRule());
        r.put("concept_label", row.conceptLabel());
        r.put("concept_group", row.conceptGroup());
        r.put("concept_error", row.conceptError());
        r.put("other_label", row.otherLabel());
        r.put("other_error", row.otherError());
    }

    private static void history(HistoryRow row, Columns r) {
        r.put("sweep_id", row.sweepId());
        r.put("run_id", row.runId());
        r.put("step", row.step());
        r.put("lr", row.lr());
        r.put("weights", row.weights());
        r.put("losses", row.losses());
        r.put("validation", row.validation());
    }

    private static void evaluation(EvaluationRow row, Columns r) {
        r.put("sweep_id", row.sweepId());
        r.put("run_id", row.runId());
        r.put("intervention", row.intervention());
        r.put("color_set", row.colorSet());
        r.put("color_index", row.colorIndex());
        r.put("color_name", row.colorName());
        r.put("r", row.r());
        r.put("g", row.g());
        r.put("b", row.b());
        r.put("h", row.h());
        r.put("s", row.s());
        r.put("v", row.v());
        r.put("out_r", row.outR());
        r.put("out_g", row.outG());
        r.put("out_b", row.outB());
        r.put("error", row.error());
        r.put("similarity", row.similarity());
    }

    private static void latent(LatentRow row, Columns r) {
        r.put("sweep_id", row.sweepId());
        r.put("run_id", row.runId());
        r.put("step", row.step());
        r.put("intervention", row.intervention());
        r.put("color_set", row.colorSet());
        r.put("r", row.r());
        r.put("g", row.g());
        r.put("b", row.b());
        r.put("latent", row.latent());
    }
}
