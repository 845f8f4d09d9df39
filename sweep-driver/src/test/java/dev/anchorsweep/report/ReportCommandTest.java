package dev.anchorsweep.report;

import dev.anchorsweep.cli.Cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code deploy/sweep report} on a real sweep: a self-contained folder whose every link resolves on disk. */
class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesASelfContainedReport() throws Exception {
        Path out = dir.resolve("report");
        Cli cli = Cli.run("report", ReportSweep.results().toString(), "--out", out.toString());
        assertEquals(0, cli.code(), cli.toString());
        assertTrue(cli.out().contains("report of sweep report-test"), cli.out());

        String html = Files.readString(out.resolve("index.html"));
        Matcher links = Pattern.compile("(?:src|href)=\"([^\"#][^\"]*)\"").matcher(html);
        int checked = 0;
        while (links.find()) {
            String link = links.group(1);
            assertTrue(!link.startsWith("http") && !link.startsWith("//"), "no network: " + link);
            if (link.startsWith("data:")) continue;
            assertTrue(Files.isRegularFile(out.resolve(link)), "link to a missing file: " + link);
            checked++;
        }
        try (Stream<Path> images = Files.list(out.resolve("img"))) {
            List<String> pngs = images.map(p -> "img/" + p.getFileName()).toList();
            assertTrue(pngs.size() > 10, pngs.toString());
            for (String png : pngs) assertTrue(html.contains("src=\"" + png + "\""), "chart not on the page: " + png);
        }
        assertTrue(checked > 20, "links checked: " + checked);
        for (String csv : List.of("arm-summary.csv", "best-runs.csv", "paper-tables.csv", "run-errors.csv",
                "selection-candidates.csv", "failed-runs.csv", "degenerate-runs.csv", "selectivity-check.csv",
                "arm-runs.csv")) {
            assertTrue(Files.size(out.resolve("csv").resolve(csv)) > 0, csv);
        }
        assertEquals("arm,runs,ok,failed", Files.readAllLines(out.resolve("csv/arm-runs.csv")).get(0)
                .substring(0, "arm,runs,ok,failed".length()));
        // the verdict is first, and says what the numbers say
        assertTrue(html.indexOf("id=\"verdict\"") < html.indexOf("id=\"overview\""));
        assertTrue(html.contains("4 failed runs"), "the diverging arm's failures are listed");
        // the vibrancy arm is judged on its colour group, the lr-10 arm's degenerate runs are named
        assertTrue(html.matches("(?s).*removes <b>the 12 hues</b> \\(median [0-9.e-]+\\) (and spares|but also damages|"
                + "and slightly affects) <b>black, greys, white</b> \\(worst .*"), "the hue arm's verdict");
        assertTrue(html.contains("4 of 4 ok runs degenerate</span>: seeds 0, 1, 2, 3 (val recon "), "the lr-10 arm");
        assertTrue(html.contains("4 degenerate runs: status ok"), "the degenerate runs are listed");
        assertTrue(Files.isRegularFile(out.resolve("sql/views/best_runs.sql")));

        Cli missing = Cli.run("report", dir.resolve("nothing").toString());
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }
}
