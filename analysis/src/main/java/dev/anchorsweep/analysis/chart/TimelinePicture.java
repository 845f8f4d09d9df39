package dev.anchorsweep.analysis.chart;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@link TimelinePanel} as a PNG at 2× its nominal size (sharp on high-density screens), no marker. */
public final class TimelinePicture {

    private TimelinePicture() {
    }

    public static void write(Timeline timeline, int width, Path file) {
        TimelinePanel panel = new TimelinePanel(timeline, width);
        BufferedImage image = new BufferedImage(2 * panel.width(), 2 * panel.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(2, 2);
            panel.draw(g, 0, 0, null);
        } finally {
            g.dispose();
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
