package dev.anchorsweep.driver;

import dev.anchorsweep.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `deploy/sweep run` end to end: exit 3 when a run diverges (the others finish), exit 2 for a bad config. */
class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void aDivergingRunIsRecordedAndTheSweepExitsWith3() throws Exception {
        Path config = dir.resolve("sweep.conf");
        Files.writeString(config, """
                sweep.name = cli
                run {
                  model.latent-dim = 3
                  training { steps = 30, validate-every = 15 }
                  interventions.ablate { type = ablation, dims = [0] }
                  evaluation { sets = [named], latents { set = rgb-grid } }
                }
                grid {
                  seeds = "0..1"
                  variants { stable {}, diverging { training.lr = 1e30 } }
                }
                """);
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true));
            System.setErr(new PrintStream(captured, true));
            code = Main.run("run", config.toString(), "--out", dir.resolve("out").toString(), "--master", "local[2,3]");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = captured.toString();
        assertEquals(3, code, text);
        assertTrue(text.contains("4 runs: 2 ok, 2 failed"), text);
        assertTrue(text.matches("(?s).*diverging\\s+0\\s+2.*"), text);
        assertTrue(text.matches("(?s).*stable\\s+2\\s+0.*"), text);

        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "sweep.name = bad\nrun {}\ngrid.seeds = \"5..1\"\n");
        ByteArrayOutputStream badOut = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(badOut, true));
            code = Main.run("run", bad.toString(), "--out", dir.resolve("out2").toString());
        } finally {
            System.setErr(err);
        }
        assertEquals(2, code);
        assertTrue(badOut.toString().contains("bad.conf:3: grid.seeds: seed range must go up, but got 5..1"), badOut.toString());
        assertTrue(!Files.exists(dir.resolve("out2")), "nothing is written for a bad config");
    }
}
