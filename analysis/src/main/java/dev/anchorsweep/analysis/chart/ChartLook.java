package dev.anchorsweep.analysis.chart;

import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/** The one look of every chart in the report: fonts, white plot area, light grid, legend placement. */
public final class ChartLook {

    static final String FONT = "DejaVu Sans";

    private ChartLook() {
    }

    public static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(true);
        styler.setPlotBorderColor(new Color(0xd1d5db));
        styler.setPlotGridLinesColor(Palette.GRID);
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setChartFontColor(Palette.INK);
        styler.setChartTitleFont(new Font(FONT, Font.BOLD, 14));
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitlePadding(8);
        styler.setAxisTitleFont(new Font(FONT, Font.PLAIN, 12));
        styler.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 11));
        styler.setAxisTickLabelsColor(new Color(0x4b5563));
        styler.setAxisTickMarksColor(new Color(0x9ca3af));
        styler.setLegendFont(new Font(FONT, Font.PLAIN, 11));
        styler.setLegendBorderColor(new Color(0xe5e7eb));
        styler.setLegendBackgroundColor(new Color(255, 255, 255, 230));
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendPadding(6);
        styler.setChartPadding(10);
        styler.setPlotMargin(4);
        styler.setAntiAlias(true);
        styler.setTextAntiAlias(true);
    }

    /** Compact variant for thumbnails: no title, axis labels or legend; just the plot. */
    public static void applyThumbnail(AxesChartStyler styler) {
        apply(styler);
        styler.setLegendVisible(false);
        styler.setChartTitleVisible(false);
        styler.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 9));
        styler.setChartPadding(4);
        styler.setAxisTitlesVisible(false);
        styler.setAxisTicksVisible(false);
        styler.setPlotMargin(2);
    }
}
