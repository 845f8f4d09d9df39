package dev.anchorsweep.driver;

import dev.anchorsweep.analysis.adaptive.ArmStatus;
import dev.anchorsweep.analysis.adaptive.SeedRule;

import java.util.List;

/** The table {@code run} prints after an adaptive sweep: per arm, the seeds spent, the interval and why it stopped. */
public final class SeedRoundsTable {

    private SeedRoundsTable() {
    }

    public static String render(SeedRule rule, List<ArmStatus> arms) {
        int width = Math.max(3, arms.stream().mapToInt(a -> a.arm().length()).max().orElse(3));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-" + width + "s %5s %4s  %-9s  %-21s  %-9s  %s%n", "arm", "seeds", "ok", "median",
                "interval", "width", "stopped"));
        for (ArmStatus a : arms) {
            var i = a.interval();
            sb.append(String.format("%-" + width + "s %5d %4d  %-9s  %-21s  %-9s  %s%n", a.arm(), a.seeds(), i.n(),
                    number(i.median()), i.defined() ? "[" + number(i.low()) + ", " + number(i.high()) + "]" : "-",
                    i.defined() ? number(i.width()) : "-", a.stop() == null ? "-" : a.stop().label()));
        }
        sb.append("(adaptive seeds: ").append(rule.describe()).append(")\n");
        return sb.toString();
    }

    /** Four significant digits: a val_recon interval of 1e-5 must not print as 0.0000. */
    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.4g", v);
    }
}
