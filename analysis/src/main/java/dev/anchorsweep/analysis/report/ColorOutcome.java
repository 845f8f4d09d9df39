package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.List;

/** One named colour of a best run under one intervention: true and reconstructed rgb, error, similarity. */
public record ColorOutcome(String arm, String intervention, int index, String name, double r, double g, double b,
                           double outR, double outG, double outB, double error, Double similarity) {

    static List<ColorOutcome> of(QueryResult result) {
        return ResultRow.all(result).stream().map(x -> new ColorOutcome(x.string("arm"), x.string("intervention"),
                (int) x.integer("color_index"), x.string("color_name"), x.number("r"), x.number("g"), x.number("b"),
                x.number("out_r"), x.number("out_g"), x.number("out_b"), x.number("error"),
                x.number("similarity"))).toList();
    }

    public String trueCss() {
        return css(r, g, b);
    }

    public String outCss() {
        return css(outR, outG, outB);
    }

    private static String css(double r, double g, double b) {
        return String.format("rgb(%d,%d,%d)", channel(r), channel(g), channel(b));
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}
