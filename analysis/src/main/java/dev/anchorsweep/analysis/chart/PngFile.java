package dev.anchorsweep.analysis.chart;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a chart as a PNG at twice its nominal size (144 dpi), so that it stays sharp on high-density screens; the
 * HTML shows it at its nominal width.
 */
public final class PngFile {

    public static final int DPI = 144;

    private PngFile() {
    }

    public static void write(Chart<?, ?> chart, Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".png")) throw new IllegalArgumentException("a chart file must end in .png, but got " + file);
        try {
            Files.createDirectories(file.getParent());
            String base = file.toString().substring(0, file.toString().length() - 4);
            BitmapEncoder.saveBitmapWithDPI(chart, base, BitmapEncoder.BitmapFormat.PNG, DPI);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file, e);
        }
    }
}
