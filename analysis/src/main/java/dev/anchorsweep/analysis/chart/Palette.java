package dev.anchorsweep.analysis.chart;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's colours, one per name, used by every chart and by the HTML legend chips so that "ablate" or "anchor"
 * has the same colour everywhere. Known names get fixed colours; others take colours from a cycle by their hash.
 */
public final class Palette {

    public static final Color CONCEPT = new Color(0xd62728);       // the concept colour's error (red)
    public static final Color COMPLEMENT = new Color(0x17a2b8);    // its complement's error (cyan)
    public static final Color OFF_TARGET = new Color(0x4b5563);    // the worst off-target error
    public static final Color CANDIDATE = new Color(0xb8bec8);
    public static final Color FRONT = new Color(0xe8912d);
    public static final Color BEST = new Color(0x111827);
    public static final Color INK = new Color(0x1f2937);
    public static final Color GRID = new Color(0xe5e7eb);

    private static final Map<String, Color> NAMED = Map.ofEntries(
            Map.entry("baseline", new Color(0x6b7280)),
            Map.entry("suppress", new Color(0xe8912d)),
            Map.entry("suppression", new Color(0xe8912d)),
            Map.entry("repel", new Color(0x8b5cf6)),
            Map.entry("repulsion", new Color(0x8b5cf6)),
            Map.entry("ablate", new Color(0x2563eb)),
            Map.entry("ablation", new Color(0x2563eb)),
            Map.entry("prune", new Color(0x0d9488)),
            Map.entry("pruning", new Color(0x0d9488)),
            Map.entry("lr", new Color(0x111827)),
            Map.entry("recon", new Color(0x111827)),
            Map.entry("total", new Color(0x9ca3af)),
            Map.entry("anchor", new Color(0xf97316)),
            Map.entry("anti-anchor", new Color(0xdc2626)),
            Map.entry("subspace", new Color(0x0891b2)),
            Map.entry("anti-subspace", new Color(0x7c3aed)),
            Map.entry("separate", new Color(0x16a34a)),
            Map.entry("planarity", new Color(0x0ea5e9)),
            Map.entry("unitarity", new Color(0xa16207)),
            Map.entry("unitarity-all", new Color(0xa16207)),
            Map.entry("unitarity-vibrant", new Color(0xdb2777)));

    private static final List<Color> CYCLE = List.of(new Color(0x059669), new Color(0xdb2777), new Color(0x92400e),
            new Color(0x4f46e5), new Color(0x65a30d), new Color(0xbe123c), new Color(0x0369a1), new Color(0x78716c));

    private Palette() {
    }

    public static Color of(String name) {
        Color known = NAMED.get(name.toLowerCase(Locale.ROOT));
        return known != null ? known : CYCLE.get(Math.floorMod(name.hashCode(), CYCLE.size()));
    }

    public static String hex(Color color) {
        return String.format("#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }

    public static String hex(String name) {
        return hex(of(name));
    }
}
