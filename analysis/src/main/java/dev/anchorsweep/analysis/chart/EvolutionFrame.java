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
 * One frame of a latent-evolution animation: for each run (side by side) its views at the snapshot of the current
 * step and its timeline below them with a marker at that step.
 */
public final class EvolutionFrame {

    public static final int VIEW = 200, GAP = 8;
    static final int COLUMN_GAP = 28, PAD = 10, TITLE = 24;

    private EvolutionFrame() {
    }

    static int columnWidth() {
        return 3 * VIEW + 2 * GAP;
    }

    public static BufferedImage render(List<LatentEvolution> runs, int step) {
        int column = columnWidth();
        int timeline = runs.stream().mapToInt(r -> new TimelinePanel(r.timeline(), column).height()).max().orElse(0);
        int width = 2 * PAD + runs.size() * column + (runs.size() - 1) * COLUMN_GAP;
        int height = TITLE + VIEW + GAP + timeline + PAD;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int x = PAD;
            for (LatentEvolution run : runs) {
                Map.Entry<Integer, List<LatentSample>> shown = run.at(step);
                g.setColor(Palette.INK);
                g.setFont(new Font(ChartLook.FONT, Font.BOLD, 13));
                g.drawString(run.title() + " — step " + String.format(Locale.ROOT, "%,d", shown.getKey()), x, 17);
                int vx = x;
                for (LatentFrame view : run.views()) {
                    LatentPanel.draw(g, vx, TITLE, VIEW, view, shown.getValue(), 2.2, view.projection().label());
                    vx += VIEW + GAP;
                }
                new TimelinePanel(run.timeline(), column).draw(g, x, TITLE + VIEW + GAP, step);
                x += column + COLUMN_GAP;
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
