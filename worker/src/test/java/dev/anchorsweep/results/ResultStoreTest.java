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
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
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
    void everyColumnRoundTrips() throws IOException {
        RunRows ok = SampleRows.run("s1", "r1", 150, 500, 300, 0.25);
        RunRows failed = new RunRows(SampleRows.failedRun("s1", "r2"), List.of(), List.of(), List.of());
        store.commitRun("s1", "r1", ok);
        store.commitRun("s1", "r2", failed);

        ParquetRows.assertSameRows(List.of(ok.run()), ParquetRows.read(file("runs", "s1", "run-r1.parquet")));
        ParquetRows.assertSameRows(List.of(failed.run()), ParquetRows.read(file("runs", "s1", "run-r2.parquet")));
        ParquetRows.assertSameRows(ok.history(), ParquetRows.read(file("history", "s1", "run-r1.parquet")));
        ParquetRows.assertSameRows(ok.evaluations(), ParquetRows.read(file("evaluations", "s1", "run-r1.parquet")));
        ParquetRows.assertSameRows(ok.latents(), ParquetRows.read(file("latents", "s1", "run-r1.parquet")));
    }

    @Test
    void sweepRowIsRewrittenLatestWins() throws IOException {
        SweepRow started = SampleRows.sweep("s1", null, 0, 0);
        SweepRow finished = SampleRows.sweep("s1", SampleRows.T0.plusSeconds(3600), 8, 2);
        store.commitSweep(started);
        ParquetRows.assertSameRows(List.of(started), ParquetRows.read(file("sweeps", "s1", "sweep-s1.parquet")));
        store.commitSweep(finished);
        ParquetRows.assertSameRows(List.of(finished), ParquetRows.read(file("sweeps", "s1", "sweep-s1.parquet")));
        assertEquals(Set.of("sweep-s1.parquet"), names(root.resolve("sweeps/sweep_id=s1")));
        assertEquals(Set.of("sweep_id=s1"), names(root.resolve("sweeps")));
    }

    @Test
    void layoutIsOneFilePerRunPerTablePartitionedBySweep() throws IOException {
        store.commitRun("s1", "r1", SampleRows.run("s1", "r1", 3, 5, 4, 0.5));
        store.commitRun("s1", "r2", SampleRows.run("s1", "r2", 3, 5, 4, 0.5));
        store.commitRun("s2", "r1", SampleRows.run("s2", "r1", 3, 5, 4, 0.5));
        assertEquals(Set.of("runs", "history", "evaluations", "latents"), names(root));
        for (String table : RUN_TABLES) {
            assertEquals(Set.of("sweep_id=s1", "sweep_id=s2"), names(root.resolve(table)));
            // only final names: no temporaries, no .crc side files
            assertEquals(Set.of("run-r1.parquet", "run-r2.parquet"), names(root.resolve(table).resolve("sweep_id=s1")), table);
            assertEquals(Set.of("run-r1.parquet"), names(root.resolve(table).resolve("sweep_id=s2")), table);
        }
    }

    @Test
    void filesAreZstdSingleRowGroupWithAvroSchemaAndStandardLists() throws IOException {
        store.commitRun("s1", "r1", SampleRows.run("s1", "r1", 150, 5000, 8000, 0.5));
        store.commitSweep(SampleRows.sweep("s1", null, 0, 0));
        for (String table : RUN_TABLES) {
            ParquetMetadata footer = footer(table);
            assertEquals(1, footer.getBlocks().size(), table + " row groups");
            footer.getBlocks().get(0).getColumns().forEach(c -> assertEquals(TableFileWriter.CODEC, c.getCodec(), c.getPath().toString()));
            String avro = footer.getFileMetaData().getKeyValueMetaData().get("parquet.avro.schema");
            assertEquals(ResultTable.all().stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow().schema(),
                    new Schema.Parser().parse(avro));
        }
        assertTrue(parquetSchema("latents").contains("required group latent (LIST) {\n    repeated group list {\n      required double element;"),
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
    }

    private ParquetMetadata footer(String table) throws IOException {
        String name = table.equals("sweeps") ? "sweep-s1.parquet" : "run-r1.parquet";
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file(table, "s1", name).toUri()), new Configuration()))) {
            return reader.getFooter();
        }
    }

    private String parquetSchema(String table) throws IOException {
        return footer(table).getFileMetaData().getSchema().toString();
    }

    @Test
    void committingARunAgainReplacesEveryFile() throws IOException {
        store.commitRun("s1", "r1", SampleRows.run("s1", "r1", 5, 10, 10, 1.0));
        RunRows second = SampleRows.run("s1", "r1", 7, 15, 12, 2.0);
        store.commitRun("s1", "r1", second);
        for (String table : RUN_TABLES) assertEquals(Set.of("run-r1.parquet"), names(root.resolve(table).resolve("sweep_id=s1")), table);
        ParquetRows.assertSameRows(List.of(second.run()), ParquetRows.read(file("runs", "s1", "run-r1.parquet")));
        ParquetRows.assertSameRows(second.history(), ParquetRows.read(file("history", "s1", "run-r1.parquet")));
        ParquetRows.assertSameRows(second.evaluations(), ParquetRows.read(file("evaluations", "s1", "run-r1.parquet")));
        ParquetRows.assertSameRows(second.latents(), ParquetRows.read(file("latents", "s1", "run-r1.parquet")));
    }

    @Test
    void aTableWithoutRowsGetsNoFileAndLosesThePreviousOne() throws IOException {
        store.commitRun("s1", "r1", SampleRows.run("s1", "r1", 5, 10, 10, 1.0));
        store.commitRun("s1", "r1", new RunRows(SampleRows.failedRun("s1", "r1"), SampleRows.run("s1", "r1", 2, 0, 0, 1).history(), List.of(), List.of()));
        assertEquals(Set.of("run-r1.parquet"), names(root.resolve("runs/sweep_id=s1")));
        assertEquals(Set.of("run-r1.parquet"), names(root.resolve("history/sweep_id=s1")));
        assertEquals(Set.of(), names(root.resolve("evaluations/sweep_id=s1")));
        assertEquals(Set.of(), names(root.resolve("latents/sweep_id=s1")));
        assertEquals(Map.of("r1", RunRow.FAILED), store.runStatuses("s1"));
    }

    @Test
    void leftoversOfAKilledWriterAreIgnoredAndRemovedOnTheNextCommit() throws IOException {
        store.commitRun("s1", "r1", SampleRows.run("s1", "r1", 3, 5, 4, 0.5));
        // killed while writing r1 again and while writing r2 for the first time (runs file never renamed into place)
        Path deadR1 = Files.createDirectories(root.resolve("evaluations/sweep_id=s1/_tmp.run-r1")).resolve("_0c1d.tmp");
        Files.write(deadR1, new byte[] {'P', 'A', 'R', '1', 0, 0});
        Path deadR2 = Files.createDirectories(root.resolve("runs/sweep_id=s1/_tmp.run-r2")).resolve("_9f2e.tmp");
        Files.write(deadR2, new byte[] {'P', 'A', 'R', '1'});
        Files.write(root.resolve("runs/sweep_id=s1/.run-r3.parquet.crc"), new byte[] {1});

        assertEquals(Set.of("r1"), store.committedRunIds("s1"));
        assertEquals(Map.of("r1", RunRow.OK), store.runStatuses("s1"));

        store.commitRun("s1", "r1", SampleRows.run("s1", "r1", 3, 5, 4, 0.5));
        assertFalse(Files.exists(deadR1.getParent()), "leftover temp folder of r1 must be removed");
        store.commitRun("s1", "r2", SampleRows.run("s1", "r2", 3, 5, 4, 0.5));
        assertFalse(Files.exists(deadR2.getParent()), "leftover temp folder of r2 must be removed");
        assertEquals(Set.of("run-r1.parquet"), names(root.resolve("evaluations/sweep_id=s1")).stream()
                .filter(n -> n.contains("r1")).collect(Collectors.toSet()));
    }

    @Test
    void committedRunIdsRunStatusesAndDeleteRun() throws IOException {
        assertEquals(Set.of(), store.committedRunIds("nothing-yet"));
        assertEquals(Map.of(), store.runStatuses("nothing-yet"));
        store.commitRun("s1", "a1", SampleRows.run("s1", "a1", 2, 5, 4, 0.5));
        store.commitRun("s1", "b2", new RunRows(SampleRows.failedRun("s1", "b2"), List.of(), List.of(), List.of()));
        store.commitRun("s2", "c3", SampleRows.run("s2", "c3", 2, 5, 4, 0.5));

        assertEquals(Set.of("a1", "b2"), store.committedRunIds("s1"));
        assertEquals(Map.of("a1", "ok", "b2", "failed"), store.runStatuses("s1"));
        assertEquals(Map.of("c3", "ok"), store.runStatuses("s2"));

        store.deleteRun("s1", "a1");
        store.deleteRun("s1", "never-committed");
        assertEquals(Set.of("b2"), store.committedRunIds("s1"));
        for (String table : RUN_TABLES) {
            assertTrue(names(root.resolve(table).resolve("sweep_id=s1")).stream().noneMatch(n -> n.contains("a1")), table);
        }
        assertEquals(Set.of("c3"), store.committedRunIds("s2"));
    }

    @Test
    void concurrentCommitsIntoOnePartition() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> commits = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String runId = "r" + i;
                commits.add(pool.submit(() -> {
                    store.commitRun("s1", runId, SampleRows.run("s1", runId, 5, 20, 20, 0.5));
                    return null;
                }));
            }
            for (Future<?> commit : commits) commit.get();
        } finally {
            pool.shutdown();
        }
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 24; i++) expected.add("run-r" + i + ".parquet");
        for (String table : RUN_TABLES) assertEquals(expected, names(root.resolve(table).resolve("sweep_id=s1")), table);
        assertEquals(24, store.runStatuses("s1").size());
    }

    @Test
    void aPlainLocalPathWorksAsRoot() throws IOException {
        ResultStore plain = new ResultStore(root.resolve("plain").toString(), new Configuration());
        plain.commitRun("s1", "r1", SampleRows.run("s1", "r1", 2, 3, 3, 0.5));
        assertTrue(Files.exists(root.resolve("plain/runs/sweep_id=s1/run-r1.parquet")));
        assertEquals(Set.of("r1"), plain.committedRunIds("s1"));
        assertTrue(plain.root().startsWith("file:/"), plain.root());
    }

    @Test
    void commitRunRefusesRowsOfAnotherRun() {
        RunRows rows = SampleRows.run("s1", "r1", 1, 1, 1, 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.commitRun("s1", "r9", rows));
        assertEquals("commitRun(s1, r9) was given the rows of run (s1, r1)", e.getMessage());
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
