package dev.anchorsweep.sweep;

import dev.anchorsweep.analysis.adaptive.SeedRule;
import dev.anchorsweep.sweep.sampling.NumberText;

import java.util.ArrayList;
import java.util.List;

/**
 * A sweep plan as text for a terminal: the sweep, its run count, its axes with their values, its sampled points (when
 * it has any), and its arms.
 */
public final class PlanTable {

    /** Axis values wrap at this width. */
    static final int WIDTH = 110;

    private PlanTable() {
    }

    public static String render(SweepPlan plan) {
        StringBuilder out = new StringBuilder();
        SweepConfig config = plan.config();
        out.append("sweep        ").append(config.name()).append('\n');
        if (!config.description().isEmpty()) out.append("description  ").append(config.description()).append('\n');
        out.append("config       ").append(config.file()).append('\n');
        int seeds = seeds(plan).size();
        SeedRule adaptive = plan.adaptive();
        String arms = plan.arms().size() + (plan.arms().size() == 1 ? " arm" : " arms");
        if (adaptive == null) {
            out.append("runs         ").append(plan.runs().size()).append(" = ").append(arms).append(" × ").append(seeds)
                    .append(seeds == 1 ? " seed" : " seeds").append("\n\n");
        } else {
            out.append("runs         ").append(plan.arms().size() * adaptive.start()).append(" to ")
                    .append(plan.runs().size()).append(" = ").append(arms).append(" × ").append(adaptive.start())
                    .append(" to ").append(adaptive.max()).append(" seeds, in at most ").append(adaptive.maxRounds())
                    .append(adaptive.maxRounds() == 1 ? " round" : " rounds").append('\n');
            out.append("adaptive     ").append(adaptive.describe()).append("\n\n");
        }

        int axisWidth = Math.max("axis".length(), plan.axes().stream().mapToInt(a -> a.name().length()).max().orElse(0));
        out.append(pad("axis", axisWidth)).append("  values\n");
        for (SweepAxis axis : plan.axes()) {
            String count = axis.size() + ": ";
            String values = axis instanceof SeedAxis s ? s.compact() + (s.adaptive() == null ? "" : " (adaptive, at most)")
                    : axis instanceof SampleAxis s ? s.describe() + " (below)" : String.join(", ", axis.labels());
            List<String> lines = wrap(values, WIDTH - axisWidth - 2 - count.length());
            out.append(pad(axis.name(), axisWidth)).append("  ").append(count).append(lines.get(0)).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                out.append(" ".repeat(axisWidth + 2 + count.length())).append(line).append('\n');
            }
        }
        out.append('\n');
        plan.axes().stream().filter(a -> a instanceof SampleAxis).map(a -> (SampleAxis) a).findFirst()
                .ifPresent(samples -> out.append(points(samples)).append('\n'));

        int numberWidth = String.valueOf(plan.arms().size()).length();
        int nameWidth = Math.max("arm".length(), plan.arms().stream().mapToInt(a -> a.name().length()).max().orElse(0));
        out.append(pad("#", numberWidth)).append("  ").append(pad("arm", nameWidth)).append("  runs\n");
        for (int i = 0; i < plan.arms().size(); i++) {
            Arm arm = plan.arms().get(i);
            out.append(padLeft(String.valueOf(i + 1), numberWidth)).append("  ").append(pad(arm.name(), nameWidth))
                    .append("  ").append(padLeft(adaptive == null ? String.valueOf(arm.runs().size())
                            : adaptive.start() + ".." + arm.runs().size(), 4)).append('\n');
        }
        return out.toString();
    }

    /** The drawn points: k, then each sampled setting's value (its name and distribution over its column). */
    static String points(SampleAxis samples) {
        List<SampledSetting> settings = samples.settings();
        int n = samples.values().size();
        int kWidth = Math.max(1, String.valueOf(n - 1).length());
        String[][] cells = new String[n][settings.size()];
        int[] widths = new int[settings.size()];
        for (int s = 0; s < settings.size(); s++) {
            widths[s] = Math.max(settings.get(s).name().length(), settings.get(s).distribution().describe().length());
            for (int k = 0; k < n; k++) {
                cells[k][s] = NumberText.of(samples.values().get(k).get(s));
                widths[s] = Math.max(widths[s], cells[k][s].length());
            }
        }
        StringBuilder out = new StringBuilder("sampled points: ").append(samples.describe()).append('\n');
        StringBuilder names = new StringBuilder(pad("k", kWidth));
        StringBuilder distributions = new StringBuilder(" ".repeat(kWidth));
        for (int s = 0; s < settings.size(); s++) {
            names.append("  ").append(pad(settings.get(s).name(), widths[s]));
            distributions.append("  ").append(pad(settings.get(s).distribution().describe(), widths[s]));
        }
        out.append(names.toString().stripTrailing()).append('\n');
        out.append(distributions.toString().stripTrailing()).append('\n');
        for (int k = 0; k < n; k++) {
            StringBuilder line = new StringBuilder(padLeft(String.valueOf(k), kWidth));
            for (int s = 0; s < settings.size(); s++) line.append("  ").append(pad(cells[k][s], widths[s]));
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static SeedAxis seeds(SweepPlan plan) {
        return plan.axes().stream().filter(a -> a instanceof SeedAxis).map(a -> (SeedAxis) a).findFirst()
                .orElseThrow(() -> new IllegalStateException("a sweep plan always has a seed axis"));
    }

    /** Breaks a ", "-separated list into lines of at most {@code width} characters (longer items stand alone). */
    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String item : text.split("(?<=, )")) {
            if (line.length() > 0 && line.length() + item.stripTrailing().length() > width) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            line.append(item);
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
