package dev.anchorsweep.report;

import dev.anchorsweep.cli.Cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report of a real sweep opened from disk in headless Chromium (Debian's chromium and chromedriver, which
 * .ci/run installs): every image must load, the console must stay free of errors, and the page is saved as
 * {@code <build dir>/report-screenshot.png} (first screen) and {@code report-screenshot-full.png} (whole page) to look
 * at. Without Chromium the test is skipped, saying so.
 *
 * <p>Selenium with chromedriver rather than the DevTools protocol by hand: it gives the console log, script
 * execution and screenshots through one small, well-known API, and starts and stops the browser cleanly.
 */
class ReportBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    @Test
    void theReportOpensFromDiskWithEveryImageAndNoConsoleError() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: the browser test needs Debian's chromium and chromium-driver (/usr/bin/chromium, "
                        + "/usr/bin/chromedriver); install them with `apt-get install -y chromium chromium-driver` "
                        + "(.ci/run does)");
        Path out = dir.resolve("report");
        Cli cli = Cli.run("report", ReportSweep.results().toString(), "--out", out.toString());
        assertEquals(0, cli.code(), cli.toString());

        ChromeDriver browser = browser(dir);
        try {
            browser.get(out.resolve("index.html").toUri().toString());
            JavascriptExecutor js = browser;
            assertEquals("Sweep report: report-test", browser.getTitle());
            Path build = buildDir();
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), build.resolve("report-screenshot.png"),
                    StandardCopyOption.REPLACE_EXISTING);

            // unfold every arm's details, then wait for every image
            js.executeScript("document.querySelectorAll('details').forEach(d => d.open = true);"
                    + "window.scrollTo(0, document.body.scrollHeight);");
            List<?> broken = List.of();
            for (int attempt = 0; attempt < 100; attempt++) {
                broken = (List<?>) js.executeScript("return Array.from(document.images)"
                        + ".filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'));");
                if (broken.isEmpty()) break;
                Thread.sleep(100);
            }
            long images = (Long) js.executeScript("return document.images.length;");
            long pngs;
            try (var files = Files.list(out.resolve("img"))) {
                pngs = files.count();
            }
            assertTrue(images >= pngs && pngs > 10, images + " images on the page, " + pngs + " charts written");
            assertEquals(List.of(), broken, "images that did not load");

            List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertEquals(List.of(), errors, "console errors");

            long height = (Long) js.executeScript("return document.documentElement.scrollHeight;");
            browser.manage().window().setSize(new Dimension(1440, (int) Math.min(height, 16000)));
            js.executeScript("window.scrollTo(0, 0);");
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), build.resolve("report-screenshot-full.png"),
                    StandardCopyOption.REPLACE_EXISTING);

            // the checks have teeth: a chart missing on disk and an error on the console are both caught
            Path victim;
            try (var files = Files.list(out.resolve("img"))) {
                victim = files.sorted().findFirst().orElseThrow();
            }
            Files.delete(victim);
            browser.navigate().refresh();
            js.executeScript("document.querySelectorAll('details').forEach(d => d.open = true);");
            Thread.sleep(500);
            List<?> missing = (List<?>) js.executeScript("return Array.from(document.images)"
                    + ".filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'));");
            assertEquals(List.of("img/" + victim.getFileName()), missing);
            js.executeScript("console.error('a deliberate error');");
            List<LogEntry> seen = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertTrue(seen.stream().anyMatch(e -> e.getMessage().contains(victim.getFileName().toString())), seen.toString());
            assertTrue(seen.stream().anyMatch(e -> e.getMessage().contains("a deliberate error")), seen.toString());
        } finally {
            browser.quit();
        }
    }

    /** Headless Chromium through chromedriver, its console log kept. */
    static ChromeDriver browser(Path dir) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("chromium-profile"), "--window-size=1440,1000");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        return new ChromeDriver(service, options);
    }

    /**
     * The latent-evolution animations of a sweep with latents every 10 steps ({@link EvolutionSweep}), from disk:
     * their data scripts load, the slider starts at the final snapshot, moving it redraws the canvas and moves the
     * timeline's marker and its step label, and play advances the slider by itself.
     */
    @Test
    void theEvolutionAnimationScrubsAndPlays() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: the browser test needs Debian's chromium and chromium-driver");
        Path out = dir.resolve("evolution-report");
        Cli cli = Cli.run("report", EvolutionSweep.results().toString(), "--out", out.toString());
        assertEquals(0, cli.code(), cli.toString());
        ChromeDriver browser = browser(dir);
        try {
            browser.get(out.resolve("index.html").toUri().toString() + "#evolution");
            JavascriptExecutor js = browser;
            String player = "document.querySelector('#evo-stepped-anim-player')";
            int last = EvolutionSweep.STEPS / EvolutionSweep.EVERY;
            assertEquals(String.valueOf(last), js.executeScript("return " + player + ".querySelector('.evo-slider').value;"));
            assertEquals("step " + EvolutionSweep.STEPS, js.executeScript("return " + player
                    + ".querySelector('.evo-step').textContent;"));
            String finalFrame = (String) js.executeScript("return " + player + ".querySelector('canvas').toDataURL();");
            String finalLeft = (String) js.executeScript("return " + player + ".querySelector('.evo-marker').style.left;");

            // the slider to the first snapshot: label, marker and drawing follow
            js.executeScript("var s = " + player + ".querySelector('.evo-slider'); s.value = 0;"
                    + "s.dispatchEvent(new Event('input'));");
            assertEquals("step 0", js.executeScript("return " + player + ".querySelector('.evo-step').textContent;"));
            assertEquals("0", js.executeScript("return " + player + ".querySelector('.evo-marker').dataset.step;"));
            assertEquals("0", js.executeScript("return " + player + ".querySelector('canvas').dataset.snapshot;"));
            String firstLeft = (String) js.executeScript("return " + player + ".querySelector('.evo-marker').style.left;");
            assertTrue(Double.parseDouble(firstLeft.replace("%", "")) < Double.parseDouble(finalLeft.replace("%", "")),
                    "the marker moves left: " + firstLeft + " vs " + finalLeft);
            String firstFrame = (String) js.executeScript("return " + player + ".querySelector('canvas').toDataURL();");
            assertTrue(!firstFrame.equals(finalFrame), "another snapshot draws another picture");

            // play: the slider advances by itself, and the button says pause
            js.executeScript(player + ".querySelector('.evo-play').click();");
            Thread.sleep(600);
            long value = Long.parseLong((String) js.executeScript("return " + player + ".querySelector('.evo-slider').value;"));
            assertTrue(value > 0, "playing advances the slider, at " + value);
            assertEquals("true", js.executeScript("return " + player + ".querySelector('.evo-play').getAttribute('aria-pressed');"));
            for (int attempt = 0; attempt < 50 && value < last; attempt++) {
                Thread.sleep(100);
                value = Long.parseLong((String) js.executeScript("return " + player + ".querySelector('.evo-slider').value;"));
            }
            assertEquals(last, value, "it plays to the last snapshot");
            Thread.sleep(300);
            assertEquals("false", js.executeScript("return " + player + ".querySelector('.evo-play').getAttribute('aria-pressed');"),
                    "and stops there");

            // the side-by-side player moves both runs with one slider
            String pair = "document.querySelector('#evo-compare-1-player')";
            js.executeScript("var s = " + pair + ".querySelector('.evo-slider'); s.value = 2;"
                    + "s.dispatchEvent(new Event('input'));");
            assertEquals(List.of("20", "20"), js.executeScript("return Array.from(" + pair
                    + ".querySelectorAll('canvas')).map(c => c.dataset.snapshot);"));

            List<?> broken = List.of();
            for (int attempt = 0; attempt < 100; attempt++) {
                broken = (List<?>) js.executeScript("return Array.from(document.images)"
                        + ".filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'));");
                if (broken.isEmpty()) break;
                Thread.sleep(100);
            }
            assertEquals(List.of(), broken, "images that did not load");
            List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertEquals(List.of(), errors, "console errors");
            js.executeScript("document.querySelector('#evolution').scrollIntoView();");
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), buildDir().resolve("report-evolution.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }
    }

    /** The module's build folder (target/, or the -Dbuild.dir.name one): the parent of test-classes. */
    static Path buildDir() throws URISyntaxException {
        File classes = new File(ReportBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.toPath().getParent();
    }
}
