package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.chart.PngFile;
import dev.anchorsweep.analysis.sql.CsvText;
import dev.anchorsweep.analysis.sql.QueryResult;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The files of a report folder besides {@code index.html}: charts under {@code img/}, tables under {@code csv/}, the
 * queries under {@code sql/}. Returns paths relative to the folder (what the HTML links to); names are unique.
 */
public final class ReportFiles {

    private final Path root;
    private final Set<String> names = new HashSet<>();
    private final List<String> charts = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();
    private final List<Future<?>> pending = new ArrayList<>();
    private final ExecutorService renderers = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "report-charts");
                t.setDaemon(true);
                return t;
            });

    public ReportFiles(Path root) {
        this.root = root;
    }

    /**
     * Writes {@code img/<stem>.png} in the background (charts render in parallel); returns its relative path at once.
     * {@link #finish()} waits for every chart.
     */
    public String chart(String stem, Chart<?, ?> chart) {
        String path = unique("img/" + HtmlText.slug(stem), ".png");
        Path file = root.resolve(path);
        pending.add(renderers.submit(() -> PngFile.write(chart, file)));
        charts.add(path);
        return path;
    }

    /**
     * Writes {@code <folder>/<stem>.<extension>} in the background with {@code writer} (given the file's path), e.g. a
     * picture drawn with Java2D or an animation; returns its relative path at once. PNGs under {@code img/} count as
     * charts. {@link #finish()} waits for it.
     */
    public String render(String folder, String stem, String extension, java.util.function.Consumer<Path> writer) {
        String path = unique(folder + "/" + HtmlText.slug(stem), "." + extension);
        Path file = root.resolve(path);
        pending.add(renderers.submit(() -> writer.accept(file)));
        if (path.startsWith("img/")) charts.add(path);
        return path;
    }

    /** Waits until every chart is written; rethrows the first failure. */
    public void finish() {
        try {
            for (Future<?> f : pending) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the report's charts", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("a chart could not be written: " + e.getCause(), e.getCause());
        } finally {
            stop();
        }
    }

    /** Stops the chart renderers (charts not yet written are dropped). */
    public void stop() {
        renderers.shutdownNow();
    }

    /** Writes {@code csv/<stem>.csv} with every row of the result; returns its relative path. */
    public String csv(String stem, QueryResult result) {
        String path = unique("csv/" + HtmlText.slug(stem), ".csv");
        write(path, CsvText.render(result));
        tables.add(path);
        return path;
    }

    public void write(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report file " + root.resolve(relative), e);
        }
    }

    private String unique(String stem, String extension) {
        String name = stem + extension;
        for (int i = 2; !names.add(name); i++) name = stem + "-" + i + extension;
        return name;
    }

    public Path root() {
        return root;
    }

    public List<String> charts() {
        return charts;
    }

    public List<String> tables() {
        return tables;
    }
}
