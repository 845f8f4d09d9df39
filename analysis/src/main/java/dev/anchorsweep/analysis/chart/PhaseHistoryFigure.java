package dev.anchorsweep.analysis.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The phase-history figure of the reference (ex-1.7): three large views of the final latents over a row of
 * thumbnails of the first view at earlier snapshots, each labelled with its step. Drawn at 2× for sharp screens.
 */
public final class PhaseHistoryFigure {

    static final int BIG = 300, GAP = 12, PAD = 14, TITLE = 30, LABEL = 18, SCALE = 2;

    private PhaseHistoryFigure() {
    }

    /** The nominal width (the HTML shows the PNG at this width). */
    public static int width() {
        return 3 * BIG + 2 * GAP + 2 * PAD;
    }

    public static BufferedImage render(LatentEvolution run, List<Integer> thumbnails) {
        int width = width();
        int n = Math.max(1, thumbnails.size());
        int thumb = Math.min(BIG, (width - 2 * PAD - (n - 1) * 6) / n);
        int height = TITLE + BIG + LABEL + 10 + (thumbnails.isEmpty() ? 0 : thumb + LABEL) + PAD;
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            Map.Entry<Integer, List<LatentSample>> last = run.snapshots().lastEntry();
            g.setColor(Palette.INK);
            g.setFont(new Font(ChartLook.FONT, Font.BOLD, 14));
            g.drawString(run.title() + " — latents at the final step " + String.format(Locale.ROOT, "%,d", last.getKey())
                    + " and at earlier snapshots", PAD, 20);
            int x = PAD;
            g.setFont(new Font(ChartLook.FONT, Font.PLAIN, 11));
            for (LatentFrame view : run.views()) {
                LatentPanel.draw(g, x, TITLE, BIG, view, last.getValue(), 3.2, null);
                g.setColor(Palette.INK);
                g.setFont(new Font(ChartLook.FONT, Font.PLAIN, 11));
                g.drawString("z" + view.projection().x() + " → , z" + view.projection().y() + " ↑", x, TITLE + BIG + 14);
                x += BIG + GAP;
            }
            int y = TITLE + BIG + LABEL + 10;
            x = PAD;
            LatentFrame first = run.views().get(0);
            for (int step : thumbnails) {
                List<LatentSample> points = run.snapshots().get(step);
                if (points == null) continue;
                LatentPanel.draw(g, x, y, thumb, first, points, 1.6, null);
                g.setColor(Palette.INK);
                g.setFont(new Font(ChartLook.FONT, Font.PLAIN, 10));
                String label = "step " + String.format(Locale.ROOT, "%,d", step);
                g.drawString(label, x + (thumb - g.getFontMetrics().stringWidth(label)) / 2f, y + thumb + 13);
                x += thumb + 6;
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
