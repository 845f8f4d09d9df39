package dev.anchorsweep.sweep;

import dev.anchorsweep.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code deploy/sweep validate CONFIG} through the real entry point, with stdout and stderr captured. */
class ValidateCommandTest {

    @TempDir
    Path dir;
    SweepFiles files;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        files = new SweepFiles(dir);
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Whether some line holds these words in order, separated by blanks only. */
    private static boolean hasRow(String text, String... cells) {
        Pattern row = Pattern.compile("(?m)^\\s*" + String.join("\\s+", List.of(cells).stream().map(Pattern::quote)
                .toList()) + "\\s*$");
        return row.matcher(text).find();
    }

    @Test
    void theIsolatedPaperConfigIsValid() {
        int code = Main.run("validate", SweepFiles.paperConfigs().resolve("isolated.conf").toString());
        assertEquals(0, code, err());
        String text = out();
        assertTrue(hasRow(text, "sweep", "isolated"), text);
        assertTrue(text.contains("anti-anchor and anti-subspace reserve dim 0 for red"), "the description: " + text);
        assertTrue(text.contains("60 = 1 arm × 60 seeds"), text);
        assertTrue(hasRow(text, "seed", "60:", "0..59"), text);
        assertTrue(hasRow(text, "1", "base", "60"), text);
        assertEquals("", err());
    }

    @Test
    void aSubsetsConfigListsItsThirtyOneArms() {
        Path file = files.write("subsets.conf", """
                sweep.name = regularizer-study
                run {
                  include "runs/ex-2.9.1.conf"
                  regularizers.planarity { type = planarity, dims = [1, 2], weight = 0.01 }
                }
                grid {
                  seeds = [0, 1, 2]
                  regularizer-subsets = [anchor, anti-anchor, anti-subspace, separate, planarity]
                }
                """);
        assertEquals(0, Main.run("validate", file.toString()), err());
        String text = out();
        assertTrue(text.contains("93 = 31 arms × 3 seeds"), text);
        List<String> listed = List.of("anchor", "anti-anchor", "anti-subspace", "separate", "planarity");
        for (int mask = 1; mask < 32; mask++) {
            List<String> subset = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                if ((mask >> i & 1) == 1) subset.add(listed.get(i));
            }
            String arm = "regularizers=" + String.join("+", subset);
            assertTrue(hasRow(text, String.valueOf(mask), arm, "3"), arm + " in\n" + text);
        }
        assertTrue(text.contains("regularizers  31: anchor, anti-anchor, anchor+anti-anchor,"), text);
    }

    @Test
    void aBadConfigExitsWithTwoAndPrintsTheLocatedProblem() {
        String text = """
                sweep.name = reversed
                run { include "runs/ex-2.4.1.conf" }
                grid.seeds = "59..0"
                """;
        Path file = files.write("reversed.conf", text);
        int code = Main.run("validate", file.toString());
        assertEquals(2, code);
        assertTrue(err().contains(file + ":" + SweepFiles.lineOf(text, "59..0")
                + ": grid.seeds: seed range must go up, but got 59..0"), err());
        assertTrue(err().contains("Nothing was run."), err());
        assertEquals("", out());
    }

    @Test
    void aMissingFileExitsWithTwo() {
        int code = Main.run("validate", dir.resolve("nowhere.conf").toString());
        assertEquals(2, code);
        assertTrue(err().contains("the config file does not exist"), err());
    }
}
