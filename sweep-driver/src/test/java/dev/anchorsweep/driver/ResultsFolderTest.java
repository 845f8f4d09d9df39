package dev.anchorsweep.driver;

import dev.anchorsweep.analysis.ResultViews;
import dev.anchorsweep.cli.Cli;
import dev.anchorsweep.job.RunTicket;
import dev.anchorsweep.results.ResultStore;
import dev.anchorsweep.results.ResultsLock;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A results folder that cannot be used as it is: held by a live writer, a truncated file, a newer schema. */
class ResultsFolderTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunIntoAFolderHeldByALiveWriterExits2SayingWhoHoldsIt() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Instant now = Instant.now();
        Files.writeString(out.resolve("_lock"), new ResultsLock.Holder("other-host", 4242, now.minusSeconds(30),
                now.minusSeconds(3), "t").text());
        Path config = dir.resolve("lock.conf");
        Files.writeString(config, "sweep { name = lock-test }\nrun {}\ngrid { seeds = \"0..1\" }\n");
        Cli cli = Cli.run("run", config.toString(), "--out", out.toString());
        assertEquals(2, cli.code(), cli.toString());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("results folder " + out.toUri() + " is being written by pid 4242 on host other-host since "),
                cli.err());
        assertTrue(cli.err().strip().matches(".* since \\d\\d:\\d\\d:\\d\\d \\(heartbeat \\d+ s ago\\); wait for it or stop it"),
                cli.err());
        assertFalse(Files.exists(out.resolve("runs")), "nothing was written");
    }

    @Test
    void aTruncatedFileFailsSqlWithTheRepairCommandAndRunQuarantinesItAndRetrainsItsRuns() throws Exception {
        List<RunTicket> runs = List.of(SweepRunnerTest.ticket("bad", "base", 0, ""), SweepRunnerTest.ticket("bad", "base", 1, ""));
        SweepRunner.Sweep sweep = new SweepRunner.Sweep("bad", "sweep.name = bad", "configs/bad.conf", runs);
        Path out = dir.resolve("out");
        var options = new SweepRunner.Options(out.toString(), "local[2,3]", 2, false, Map.of(), 500);
        assertEquals(2, new SweepRunner().run(sweep, options, new PrintStream(new ByteArrayOutputStream(), true)).trained());

        Path evaluations = SweepRunnerTest.files(out.resolve("evaluations/sweep_id=bad")).get(0);
        String commitId = evaluations.getFileName().toString().replaceAll("^part-|\\.parquet$", "");
        long packRuns = new ResultStore(out.toString(), new Configuration()).committedRuns("bad").values().stream()
                .filter(r -> r.commitId().equals(commitId)).count();
        assertTrue(packRuns >= 1, "the file's pack has runs");
        byte[] bytes = Files.readAllBytes(evaluations);
        Files.write(evaluations, Arrays.copyOf(bytes, bytes.length - 100));
        String name = "evaluations/sweep_id=bad/" + evaluations.getFileName();

        Cli sql = Cli.run("sql", out.toString(), "SELECT count(*) FROM runs");
        assertEquals(2, sql.code(), sql.toString());
        assertEquals(1, sql.err().strip().lines().count(), sql.err());
        assertTrue(sql.err().startsWith("result file " + name + " under " + out + " is unreadable ("), sql.err());
        assertTrue(sql.err().strip().endsWith("): run `deploy/sweep run configs/bad.conf --out " + out
                + "` to move it to _quarantine/ and train its runs again"), sql.err());

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SweepRunner.Result repaired = new SweepRunner().run(sweep, options, new PrintStream(log, true));
        assertEquals(packRuns, repaired.trained(), "the runs of the damaged pack are retrained: " + log);
        assertEquals(2, repaired.ok());
        assertTrue(log.toString().startsWith("warning: " + name + " is unreadable ("), log.toString());
        assertTrue(Files.exists(out.resolve("_quarantine").resolve(name)));
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", false).getOrCreate();
        try {
            ResultViews.register(spark, out.toUri().toString());
            SweepRunnerTest.assertOneRowSetPerRun(spark, 2);
        } finally {
            spark.stop();
        }

        // a file of a newer schema version: one line, exit 2
        Schema future = SchemaBuilder.record("RunRecord").fields().name("schema_version").type().intType().intDefault(99)
                .requiredString("sweep_id").endRecord();
        Path newer = out.resolve("runs/sweep_id=bad/part-future.parquet");
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(HadoopOutputFile.fromPath(
                new org.apache.hadoop.fs.Path(newer.toUri()), new Configuration())).withSchema(future).build()) {
            GenericRecord row = new GenericData.Record(future);
            row.put("schema_version", 99);
            row.put("sweep_id", "bad");
            writer.write(row);
        }
        Cli report = Cli.run("report", out.toString());
        assertEquals(2, report.code(), report.toString());
        assertTrue(report.err().strip().endsWith("part-future.parquet has schema_version 99, newer than this anchor-sweep's "
                + dev.anchorsweep.results.SchemaVersion.CURRENT + ": "
                + "use the newer anchor-sweep that wrote it"), report.err());
        assertEquals(1, report.err().strip().lines().count(), report.err());
        Files.delete(newer);

        // something that is not a result file in a table's folder (Spark would read it as Parquet): one line, exit 2
        for (String stray : List.of("runs/notes.txt", "history/sweep_id=bad/notes.txt")) {
            Path file = out.resolve(stray);
            Files.writeString(file, "my notes");
            Cli query = Cli.run("sql", out.toString(), "SELECT count(*) FROM runs");
            assertEquals(2, query.code(), query.toString());
            assertEquals(stray + " under " + out + " is not a result file: a table's folder holds only sweep_id=<name>/ "
                    + "folders of .parquet files, and Spark cannot read the table with it there; move it out of " + out,
                    query.err().strip(), query.toString());
            Files.delete(file);
        }
    }
}
