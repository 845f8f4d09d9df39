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

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("chromium-profile"), "--window-size=1440,1000");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriver browser = new ChromeDriver(service, options);
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

    /** The module's build folder (target/, or the -Dbuild.dir.name one): the parent of test-classes. */
    static Path buildDir() throws URISyntaxException {
        File classes = new File(ReportBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.toPath().getParent();
    }
}
