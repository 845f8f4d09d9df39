package dev.anchorsweep.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {

    private static final List<String> RUN_TABLES = List.of("runs", "history", "evaluations", "latents");

    @TempDir
    Path root;
    private ResultStore store;

    @BeforeEach
    void open() throws IOException {
        store = new ResultStore(root.toUri().toString(), new Configuration());
    }

    @Test
    void everyColumnRoundTripsAndEveryRowCarriesItsCommitId() throws IOException {
        RunRows ok = SampleRows.run("s1", "r1", 150, 500, 300, 0.25);
        RunRows failed = new RunRows(SampleRows.failedRun("s1", "r2"), List.of(), List.of(), List.of());
        store.commitPack("s1", "pack-000-a0-0000abcd", List.of(ok, failed));

        String part = "part-pack-000-a0-0000abcd.parquet";
        List<GenericRecord> runs = ParquetRows.read(file("runs", "s1", part));
        ParquetRows.assertSameRows(List.of(ok.run(), failed.run()), runs);
        ParquetRows.assertSameRows(ok.history(), ParquetRows.read(file("history", "s1", part)));
        ParquetRows.assertSameRows(ok.evaluations(), ParquetRows.read(file("evaluations", "s1", part)));
        ParquetRows.assertSameRows(ok.latents(), ParquetRows.read(file("latents", "s1", part)));
        for (String table : RUN_TABLES) {
            for (GenericRecord row : ParquetRows.read(file(table, "s1", part))) {
                assertEquals("pack-000-a0-0000abcd", row.get("commit_id").toString(), table);
            }
        }
        assertEquals(Map.of("r1", RunRow.OK, "r2", RunRow.FAILED), statuses("s1"));
    }

    @Test
    void oneSweepsFilePerVersionRewrittenLatestWins() throws IOException {
        SweepRow started = SampleRows.sweep("s1", null, 0, 0);
        SweepRow finished = SampleRows.sweep("s1", SampleRows.T0.plusSeconds(3600), 8, 2);
        store.commitSweep(started);
        ParquetRows.assertSameRows(List.of(started), ParquetRows.read(file("sweeps", "s1", "version-0001.parquet")));
        store.commitSweep(finished);
        ParquetRows.assertSameRows(List.of(finished), ParquetRows.read(file("sweeps", "s1", "version-0001.parquet")));
        SweepRow second = new SweepRow("s1", 2, "0123abcd", List.of("r9"), "n", "c", "configs/x.conf", SampleRows.T0, null,
                1, 0, 0, 0, "local", "v");
        store.commitSweep(second);
        assertEquals(Set.of("version-0001.parquet", "version-0002.parquet"), names(root.resolve("sweeps/sweep_id=s1")));
        assertEquals(Set.of("sweep_id=s1"), names(root.resolve("sweeps")));
        List<SweepVersion> versions = store.sweepVersions("s1");
        assertEquals(List.of(1, 2), versions.stream().map(SweepVersion::version).toList());
        assertEquals(new SweepVersion(2, "0123abcd", List.of("r9"), SampleRows.T0, "configs/x.conf"), versions.get(1));
        assertEquals(finished.runIds(), versions.get(0).runIds());
    }

    @Test
    void layoutIsOneFilePerTablePerPackPartitionedBySweep() throws IOException {
        store.commitPack("s1", "p1", List.of(SampleRows.run("s1", "r1", 3, 5, 4, 0.5), SampleRows.run("s1", "r2", 3, 5, 4, 0.5)));
        store.commitPack("s1", "p2", List.of(SampleRows.run("s1", "r3", 3, 5, 4, 0.5)));
        store.commitPack("s2", "p1", List.of(SampleRows.run("s2", "r1", 3, 5, 4, 0.5)));
        assertEquals(Set.of("runs", "history", "evaluations", "latents"), names(root));
        for (String table : RUN_TABLES) {
            assertEquals(Set.of("sweep_id=s1", "sweep_id=s2"), names(root.resolve(table)));
            // only final names: no temporaries, no .crc side files
            assertEquals(Set.of("part-p1.parquet", "part-p2.parquet"), names(root.resolve(table).resolve("sweep_id=s1")), table);
            assertEquals(Set.of("part-p1.parquet"), names(root.resolve(table).resolve("sweep_id=s2")), table);
        }
        assertEquals(Set.of("r1", "r2", "r3"), store.committedRunIds("s1"));
    }

    @Test
    void filesAreZstdWithAvroSchemaAndStandardLists() throws IOException {
        store.commitPack("s1", "p1", List.of(SampleRows.run("s1", "r1", 150, 5000, 8000, 0.5)));
        store.commitSweep(SampleRows.sweep("s1", null, 0, 0));
        for (String table : RUN_TABLES) {
            ParquetMetadata footer = footer(table);
            assertEquals(1, footer.getBlocks().size(), table + " row groups");
            footer.getBlocks().get(0).getColumns().forEach(c -> assertEquals(TableFileWriter.CODEC, c.getCodec(), c.getPath().toString()));
            String avro = footer.getFileMetaData().getKeyValueMetaData().get("parquet.avro.schema");
            assertEquals(ResultTable.all().stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow().schema(),
                    new Schema.Parser().parse(avro));
        }
        assertTrue(parquetSchema("latents").contains("required group latent (LIST) {\n    repeated group list {\n      required group element (LIST) {\n"
                + "        repeated group list {\n          required double element;"), parquetSchema("latents"));
        assertTrue(parquetSchema("latents").contains("required group r (LIST) {\n    repeated group list {\n      required double element;"),
                parquetSchema("latents"));
        String runs = parquetSchema("runs");
        for (String column : List.of("required int64 started_at (TIMESTAMP(MILLIS,true));", "optional double final_recon;",
                "required group axes (MAP) {\n    repeated group key_value (MAP_KEY_VALUE) {\n      required binary key (STRING);",
                "required group label_counts (MAP) {\n    repeated group key_value (MAP_KEY_VALUE) {\n      required binary key (STRING);\n      required int64 value;")) {
            assertTrue(runs.contains(column), column + " in " + runs);
        }
        assertTrue(parquetSchema("sweeps").contains("optional int64 finished_at (TIMESTAMP(MILLIS,true));"), parquetSchema("sweeps"));
        Map<String, Boolean> dictionary = new java.util.HashMap<>();
        footer("evaluations").getBlocks().get(0).getColumns().forEach(c ->
                dictionary.put(c.getPath().toDotString(), c.getEncodings().stream().anyMatch(Encoding::usesDictionary)));
        assertEquals(true, dictionary.get("intervention"));
        assertEquals(true, dictionary.get("run_id"));
        assertEquals(false, dictionary.get("out_r"));
        footer("latents").getBlocks().get(0).getColumns().forEach(c ->
                dictionary.put(c.getPath().toDotString(), c.getEncodings().stream().anyMatch(Encoding::usesDictionary)));
        assertEquals(false, dictionary.get("latent.list.element.list.element"));
        assertEquals(false, dictionary.get("r.list.element"));
    }

    private ParquetMetadata footer(String table) throws IOException {
        String name = table.equals("sweeps") ? "version-0001.parquet" : "part-p1.parquet";
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file(table, "s1", name).toUri()), new Configuration()))) {
            return reader.getFooter();
        }
    }

    private String parquetSchema(String table) throws IOException {
        return footer(table).getFileMetaData().getSchema().toString();
    }

    @Test
    void aTableWithoutRowsGetsNoFile() throws IOException {
        store.commitPack("s1", "p1", List.of(new RunRows(SampleRows.failedRun("s1", "r1"),
                SampleRows.run("s1", "r1", 2, 0, 0, 1).history(), List.of(), List.of())));
        assertEquals(Set.of("part-p1.parquet"), names(root.resolve("runs/sweep_id=s1")));
        assertEquals(Set.of("part-p1.parquet"), names(root.resolve("history/sweep_id=s1")));
        assertEquals(Set.of(), names(root.resolve("evaluations/sweep_id=s1")));
        assertEquals(Set.of(), names(root.resolve("latents/sweep_id=s1")));
        assertEquals(Map.of("r1", RunRow.FAILED), statuses("s1"));
    }

    @Test
    void aPackClosedWithoutItsCommitLeavesNothing() throws IOException {
        try (PackCommit commit = store.openPack("s1", "p1")) {
            commit.add(SampleRows.run("s1", "r1", 3, 5, 4, 0.5));
            assertFalse(names(root.resolve("history/sweep_id=s1")).isEmpty(), "rows are written as they arrive");
        }
        for (String table : RUN_TABLES) assertEquals(Set.of(), names(root.resolve(table).resolve("sweep_id=s1")), table);
        assertEquals(Set.of(), store.committedRunIds("s1"));
    }

    @Test
    void repairRemovesOrphansOfAKilledPackAndTemporaries() throws IOException {
        store.commitPack("s1", "p1", List.of(SampleRows.run("s1", "r1", 3, 5, 4, 0.5)));
        // killed after renaming its data files, before its runs file: p2's rows are orphans
        store.commitPack("s1", "p2", List.of(SampleRows.run("s1", "r2", 3, 5, 4, 0.5)));
        Files.delete(root.resolve("runs/sweep_id=s1/part-p2.parquet"));
        // killed while writing p3
        Path dead = Files.createDirectories(root.resolve("latents/sweep_id=s1/_tmp.p3")).resolve("_p3.tmp");
        Files.write(dead, new byte[] {'P', 'A', 'R', '1'});
        assertEquals(Set.of("r1"), store.committedRunIds("s1"));

        List<String> warnings = new ArrayList<>();
        SweepRepair.Report report = store.repair("s1", warnings::add);
        assertEquals(new SweepRepair.Report(0, 0, 3, 1), report);
        assertEquals(List.of(), warnings);
        for (String table : RUN_TABLES) assertEquals(Set.of("part-p1.parquet"), names(root.resolve(table).resolve("sweep_id=s1")), table);
        assertEquals(Set.of("r1"), store.committedRunIds("s1"));
    }

    @Test
    void repairQuarantinesAnUnreadableFileAndUncommitsItsPack() throws IOException {
        store.commitPack("s1", "p1", List.of(SampleRows.run("s1", "r1", 3, 5, 4, 0.5), SampleRows.run("s1", "r2", 3, 5, 4, 0.5)));
        store.commitPack("s1", "p2", List.of(SampleRows.run("s1", "r3", 3, 5, 4, 0.5)));
        Path bad = root.resolve("evaluations/sweep_id=s1/part-p1.parquet");
        byte[] bytes = Files.readAllBytes(bad);
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // truncated: no footer

        List<String> warnings = new ArrayList<>();
        assertEquals(new SweepRepair.Report(1, 2, 2, 0), store.repair("s1", warnings::add));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("warning: evaluations/sweep_id=s1/part-p1.parquet is unreadable ("), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("; the runs of its pack are trained again"), warnings.get(0));
        assertEquals(Set.of("part-p1.parquet"), names(root.resolve("_quarantine/evaluations/sweep_id=s1")));
        for (String table : RUN_TABLES) assertEquals(Set.of("part-p2.parquet"), names(root.resolve(table).resolve("sweep_id=s1")), table);
        assertEquals(Set.of("r3"), store.committedRunIds("s1"));
    }

    @Test
    void repairRefusesAFileOfANewerSchemaVersion() throws IOException {
        store.commitPack("s1", "p1", List.of(SampleRows.run("s1", "r1", 3, 5, 4, 0.5)));
        Schema future = SchemaBuilder.record("RunRecord").fields().name("schema_version").type().intType().intDefault(SchemaVersion.CURRENT + 1)
                .requiredString("sweep_id").endRecord();
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(root.resolve("runs/sweep_id=s1/part-p9.parquet").toUri());
        try (var writer = new TableFileWriter(new Configuration()).open(future,
                org.apache.parquet.hadoop.util.HadoopOutputFile.fromPath(path, new Configuration()))) {
            GenericRecord row = new org.apache.avro.generic.GenericData.Record(future);
            row.put("schema_version", SchemaVersion.CURRENT + 1);
            row.put("sweep_id", "s1");
            writer.write(row);
        }
        ResultsFolderException e = assertThrows(ResultsFolderException.class, () -> store.repair("s1", w -> { }));
        assertEquals("result file " + path.makeQualified(java.net.URI.create("file:///"), null) + " has schema_version "
                + (SchemaVersion.CURRENT + 1) + ", newer than this anchor-sweep's " + SchemaVersion.CURRENT
                + ": use the newer anchor-sweep that wrote it", e.getMessage());
        assertTrue(Files.exists(root.resolve("runs/sweep_id=s1/part-p9.parquet")), "left where it is");
    }

    @Test
    void repairRefusesAFileOfSchemaVersion2BeforeStoppedRuns() throws IOException {
        assertRepairRefusesAnOlderFile("runs", "RunRecord", 2, "older layout, before stopped runs");
    }

    @Test
    void repairRefusesALatentsFileOfSchemaVersion3WithOneRowPerColour() throws IOException {
        assertRepairRefusesAnOlderFile("latents", "LatentRecord", 3,
                "older layout, one latents row per colour and no summary columns");
    }

    /** A file of {@code table} with only schema_version = {@code version} and sweep_id is refused, named, and left. */
    private void assertRepairRefusesAnOlderFile(String table, String record, int version, String layout) throws IOException {
        store.commitPack("s1", "p1", List.of(SampleRows.run("s1", "r1", 3, 5, 4, 0.5)));
        Schema old = SchemaBuilder.record(record).fields().name("schema_version").type().intType().intDefault(version)
                .requiredString("sweep_id").endRecord();
        java.nio.file.Path file = root.resolve(table + "/sweep_id=s1/part-p8.parquet");
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
        try (var writer = new TableFileWriter(new Configuration()).open(old,
                org.apache.parquet.hadoop.util.HadoopOutputFile.fromPath(path, new Configuration()))) {
            GenericRecord row = new org.apache.avro.generic.GenericData.Record(old);
            row.put("schema_version", version);
            row.put("sweep_id", "s1");
            writer.write(row);
        }
        ResultsFolderException e = assertThrows(ResultsFolderException.class, () -> store.repair("s1", w -> { }));
        assertEquals("result file " + path.makeQualified(java.net.URI.create("file:///"), null) + " has schema_version "
                + version + " (" + layout + "), but this anchor-sweep reads " + SchemaVersion.CURRENT
                + ": run the sweep again into a new --out, or read it with the anchor-sweep that wrote it", e.getMessage());
        assertTrue(Files.exists(file), "left where it is");
    }

    @Test
    void aStoppedRunKeepsItsStopStepAndRule() throws IOException {
        RunRows r1 = SampleRows.run("s1", "r1", 3, 5, 4, 0.5);
        RunRow ok = r1.run();
        RunRow stopped = new RunRow(ok.sweepId(), ok.runId(), ok.arm(), ok.seed(), RunRow.STOPPED, null, null,
                ok.regularizers(), ok.axes(), ok.latentDim(), ok.hiddenWidth(), ok.layers(), ok.steps(), ok.batchSize(),
                ok.packId(), ok.packSize(), ok.trainSeconds(), ok.evalSeconds(), ok.finalLoss(), ok.finalRecon(),
                ok.finalTerms(), ok.valRecon(), ok.valTerms(), ok.labelCounts(), ok.scores(), ok.selectionIntervention(),
                ok.selectionScore(), ok.selectionMetrics(), ok.conceptDirection(), ok.spec(), ok.codeVersion(), ok.host(),
                ok.jvm(), ok.startedAt(), ok.finishedAt(), ok.attempt(), ok.sweepVersion(), ok.engine(), 300, "behind-median",
                ok.conceptLabel(), ok.conceptGroup(), ok.conceptError(), ok.otherLabel(), ok.otherError());
        store.commitPack("s1", "p1", List.of(new RunRows(stopped, r1.history(), r1.evaluations(), r1.latents())));
        ParquetRows.assertSameRows(List.of(stopped), ParquetRows.read(file("runs", "s1", "part-p1.parquet")));
        assertEquals(Set.of("r1"), store.committedRunIds("s1"));
    }

    @Test
    void uncommitRewritesRunsAndDataFilesWithoutTheRuns() throws IOException {
        RunRows r1 = SampleRows.run("s1", "r1", 3, 5, 4, 0.5);
        RunRows r2 = new RunRows(SampleRows.failedRun("s1", "r2"), SampleRows.run("s1", "r2", 2, 0, 0, 1).history(), List.of(), List.of());
        RunRows r3 = new RunRows(SampleRows.failedRun("s1", "r3"), List.of(), List.of(), List.of());
        store.commitPack("s1", "p1", List.of(r1, r2));
        store.commitPack("s1", "p2", List.of(r3));
        store.uncommit("s1", Set.of("r2", "r3"));
        assertEquals(Set.of("r1"), store.committedRunIds("s1"));
        ParquetRows.assertSameRows(List.of(r1.run()), ParquetRows.read(file("runs", "s1", "part-p1.parquet")));
        ParquetRows.assertSameRows(r1.history(), ParquetRows.read(file("history", "s1", "part-p1.parquet")));
        ParquetRows.assertSameRows(r1.evaluations(), ParquetRows.read(file("evaluations", "s1", "part-p1.parquet")));
        for (String table : RUN_TABLES) {
            assertEquals(Set.of("part-p1.parquet"), names(root.resolve(table).resolve("sweep_id=s1")), table + ": p2 is gone");
        }
    }

    @Test
    void aRunCommittedTwiceCountsByItsFirstCommit() throws IOException {
        RunRows run = SampleRows.run("s1", "r1", 3, 5, 4, 0.5);
        store.commitPack("s1", "p1-a1-bbbb", List.of(run));
        store.commitPack("s1", "p1-a0-aaaa", List.of(run)); // a zombie attempt, same finished_at
        Map<String, CommittedRun> runs = store.committedRuns("s1");
        assertEquals(Set.of("r1"), runs.keySet());
        assertEquals("p1-a0-aaaa", runs.get("r1").commitId());
    }

    @Test
    void concurrentPackCommitsIntoOnePartition() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> commits = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String pack = "p" + i;
                commits.add(pool.submit(() -> {
                    store.commitPack("s1", pack, List.of(SampleRows.run("s1", pack + "r0", 5, 20, 20, 0.5),
                            SampleRows.run("s1", pack + "r1", 5, 20, 20, 0.5)));
                    return null;
                }));
            }
            for (Future<?> commit : commits) commit.get();
        } finally {
            pool.shutdown();
        }
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 24; i++) expected.add("part-p" + i + ".parquet");
        for (String table : RUN_TABLES) assertEquals(expected, names(root.resolve(table).resolve("sweep_id=s1")), table);
        assertEquals(48, store.committedRuns("s1").size());
    }

    @Test
    void aPlainLocalPathWorksAsRoot() throws IOException {
        ResultStore plain = new ResultStore(root.resolve("plain").toString(), new Configuration());
        plain.commitPack("s1", "p1", List.of(SampleRows.run("s1", "r1", 2, 3, 3, 0.5)));
        assertTrue(Files.exists(root.resolve("plain/runs/sweep_id=s1/part-p1.parquet")));
        assertEquals(Set.of("r1"), plain.committedRunIds("s1"));
        assertTrue(plain.root().startsWith("file:/"), plain.root());
    }

    @Test
    void aPackRefusesRowsOfAnotherSweepAndARunTwice() throws IOException {
        try (PackCommit commit = store.openPack("s1", "p1")) {
            assertEquals("pack commit p1 of sweep s1 was given run r1 of sweep s2", assertThrows(IllegalArgumentException.class,
                    () -> commit.add(SampleRows.run("s2", "r1", 1, 1, 1, 0.5))).getMessage());
            commit.add(SampleRows.run("s1", "r1", 1, 1, 1, 0.5));
            assertEquals("pack commit p1 was given run r1 twice", assertThrows(IllegalArgumentException.class,
                    () -> commit.add(SampleRows.run("s1", "r1", 1, 1, 1, 0.5))).getMessage());
        }
    }

    private Map<String, String> statuses(String sweepId) throws IOException {
        Map<String, String> statuses = new TreeMap<>();
        store.committedRuns(sweepId).forEach((id, run) -> statuses.put(id, run.status()));
        return statuses;
    }

    private Path file(String table, String sweepId, String name) {
        Path file = root.resolve(table).resolve("sweep_id=" + sweepId).resolve(name);
        assertTrue(Files.isRegularFile(file), file + " must exist");
        return file;
    }

    private static Set<String> names(Path dir) throws IOException {
        if (!Files.exists(dir)) return Set.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
