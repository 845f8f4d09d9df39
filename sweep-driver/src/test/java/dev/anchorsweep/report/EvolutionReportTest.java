package dev.anchorsweep.report;

import dev.anchorsweep.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report of a sweep whose latents were recorded every 10 steps ({@link EvolutionSweep}): the latent-evolution
 * section (phase history, timeline, an animation per best run and smooth vs stepped side by side, each also a GIF
 * with a frame per snapshot) and the loss-spike table, whose phase changes are the stepped schedule's jumps.
 */
class EvolutionReportTest {

    @TempDir
    Path dir;

    @Test
    void evolutionAndSpikeSections() throws Exception {
        Path out = dir.resolve("report");
        Cli cli = Cli.run("report", EvolutionSweep.results().toString(), "--out", out.toString());
        assertEquals(0, cli.code(), cli.toString());
        String html = Files.readString(out.resolve("index.html"));
        List<Integer> snapshots = new ArrayList<>();
        for (int s = 0; s <= EvolutionSweep.STEPS; s += EvolutionSweep.EVERY) snapshots.add(s);

        assertTrue(html.contains("<section id=\"evolution\">"), "the evolution section");
        assertTrue(html.contains("Side by side: smooth vs stepped, seed "), "smooth and stepped side by side");
        for (String arm : List.of("smooth", "stepped")) {
            assertTrue(html.contains("<details class=\"run\" open id=\"evo-" + arm + "\">"), arm);
            BufferedImage history = ImageIO.read(out.resolve("img/phase-history-" + arm + ".png").toFile());
            assertTrue(history.getWidth() > 1000 && history.getHeight() > 500, "phase history of " + arm);
            assertEquals(snapshots.size(), gifFrames(out.resolve("anim/evo-" + arm + "-anim.gif")), arm + " GIF");
            String data = Files.readString(out.resolve("anim/evo-" + arm + "-anim.js"));
            assertTrue(data.contains("\"steps\":" + snapshots.toString().replace(" ", "")), data.substring(0, 200));
        }
        assertEquals(snapshots.size(), gifFrames(out.resolve("anim/evo-compare-1.gif")), "side-by-side GIF");
        String compare = Files.readString(out.resolve("anim/evo-compare-1.js"));
        assertEquals(2, compare.split("\"frameAt\"", -1).length - 1, "two runs under one slider");

        // every scheduled property of the run is a strip of its timeline: the lr and ex-2.9.1's four weights
        assertTrue(Files.size(out.resolve("img/timeline-smooth-seed-0.png")) > 10_000
                || Files.size(out.resolve("img/timeline-smooth-seed-1.png")) > 10_000);

        // phase changes: only the stepped anchor weight jumps (at its keys), on both seeds; the smooth runs have none
        assertTrue(html.contains("<section id=\"spikes\">"), "the loss-spike section");
        List<String> rows = Files.readAllLines(out.resolve("csv/loss-spikes.csv"));
        List<String> changes = rows.stream().skip(1).map(r -> {
            String[] c = r.split(",");
            return c[0] + " " + c[1] + " " + c[3];
        }).sorted().toList();
        List<String> expected = new ArrayList<>();
        for (int seed = 0; seed <= 1; seed++) for (int step : EvolutionSweep.JUMPS) expected.add("stepped " + seed + " " + step);
        assertEquals(expected.stream().sorted().toList(), changes);
        List<String> summary = Files.readAllLines(out.resolve("csv/spike-summary.csv"));
        assertEquals(3, summary.size(), summary.toString());
        Matcher smooth = Pattern.compile("^smooth,2,2,0(\\.0)?,0,,").matcher(summary.get(1));
        assertTrue(smooth.find(), "the smooth arm: 2 runs, no phase change, no spike: " + summary.get(1));
        assertTrue(summary.get(2).startsWith("stepped,2,2,2"), summary.get(2));
        assertFalse(html.contains("anim/evo-compare-2"), "one pair of variants");
    }

    static int gifFrames(Path gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            return reader.getNumImages(true);
        } finally {
            reader.dispose();
        }
    }
}
