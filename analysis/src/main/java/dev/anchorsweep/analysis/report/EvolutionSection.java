package dev.anchorsweep.analysis.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anchorsweep.analysis.chart.EvolutionFrame;
import dev.anchorsweep.analysis.chart.GifAnimation;
import dev.anchorsweep.analysis.chart.LatentEvolution;
import dev.anchorsweep.analysis.chart.LatentFrame;
import dev.anchorsweep.analysis.chart.LatentSample;
import dev.anchorsweep.analysis.chart.Palette;
import dev.anchorsweep.analysis.chart.PhaseHistoryFigure;
import dev.anchorsweep.analysis.chart.TimelinePanel;
import dev.anchorsweep.analysis.chart.TimelinePicture;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Latent evolution (the reference's ex-1.5–1.7 figures) for every best run whose latents were recorded at 3 or more
 * steps: the phase-history figure (three views of the final latents over ten thumbnails at geometric steps), the
 * timeline of every scheduled property and the loss terms with the phases marked, and an animation — in the page a
 * play/pause button and a slider over the snapshots (canvas, drawn from {@code anim/<id>.js}; the timeline picture
 * gets a marker at the current step), and the same as an animated GIF for slides. Runs of one seed whose arms differ
 * only by their variant (smooth vs stepped) are also shown side by side under one slider.
 */
public final class EvolutionSection {

    /** Snapshots shown at most by an animation (evenly spread over the run's snapshot steps). */
    static final int FRAMES = 50;
    static final int THUMBNAILS = 10;
    /** An animation's frame time in the page and in the GIF (hundredths of a second), the GIF's last frame held. */
    static final int DELAY = 12, HOLD = 150;

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvolutionSection() {
    }

    /** The section, or null when no best run has 3 or more snapshots. */
    public static Section render(List<String> arms, List<BestRun> best, List<EvolutionRunInfo> candidates,
                                 ReportSql sql, ReportFiles files) {
        Map<String, EvolutionRunInfo> byId = new LinkedHashMap<>();
        candidates.forEach(c -> byId.put(c.runId(), c));
        List<EvolutionRunInfo> shown = new ArrayList<>();
        for (String arm : arms) {
            best.stream().filter(b -> b.arm().equals(arm) && byId.containsKey(b.runId())).findFirst()
                    .ifPresent(b -> shown.add(byId.get(b.runId())));
        }
        if (shown.isEmpty()) return null;
        List<List<EvolutionRunInfo>> groups = sideBySide(arms, shown, candidates);

        Map<String, EvolutionRunInfo> load = new LinkedHashMap<>();
        shown.forEach(r -> load.put(r.runId(), r));
        groups.forEach(g -> g.forEach(r -> load.put(r.runId(), r)));
        Map<String, List<Integer>> steps = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (EvolutionRunInfo r : load.values()) {
            TreeSet<Integer> s = new TreeSet<>(SnapshotPick.even(r.snapshotSteps(), FRAMES));
            s.addAll(SnapshotPick.geometric(r.snapshotSteps(), THUMBNAILS));
            steps.put(r.runId(), new ArrayList<>(s));
            titles.put(r.runId(), r.arm() + " · seed " + r.seed());
        }
        Map<String, LatentEvolution> data = EvolutionData.query(sql, load.values(), steps, titles);
        Map<String, String> timelines = new LinkedHashMap<>();
        data.forEach((id, e) -> timelines.put(id, files.render("img", "timeline-" + byId.get(id).arm() + "-seed-"
                + byId.get(id).seed(), "png", file -> writeTimeline(e, file))));

        StringBuilder sb = new StringBuilder("<h2>Latent evolution</h2>");
        sb.append("<p class=\"lead-in\">How the latent space forms during training, for the best runs whose latents "
                + "were recorded at 3 or more steps (<code>evaluation.latents.steps</code>, e.g. <code>{ every = 200 }"
                + "</code>): about ").append(EvolutionData.POINTS).append(" colours of the run's latent set drawn in "
                + "their own colour, on the concept's dim against the three most varying other dims, each view in one "
                + "frame over all snapshots. The phase-history figure shows the final latents over thumbnails at "
                + "geometric steps; the timeline shows every scheduled property (lr, regularizer weights, recon, data "
                + "properties; each strip scaled to its own range) and the loss terms (rolling mean of ")
                .append(EvolutionData.SMOOTHING).append(" logged steps), the named phases above. Play or drag the "
                + "slider; each animation is also an animated GIF.</p>");
        List<Section.Link> links = new ArrayList<>();
        int block = 0;
        for (List<EvolutionRunInfo> group : groups) {
            List<LatentEvolution> runs = group.stream().map(r -> data.get(r.runId())).filter(Objects::nonNull).toList();
            if (runs.size() < 2) continue;
            String id = "evo-compare-" + (++block);
            String title = "Side by side: " + String.join(" vs ", group.stream().map(r -> ArmLabel.shortName(r.arm()))
                    .toList()) + ", seed " + group.get(0).seed();
            links.add(new Section.Link(id, title));
            sb.append("<h3 id=\"").append(id).append("\">").append(HtmlText.escape(title)).append("</h3>")
                    .append("<p class=\"note\">Same seed, so the same initial weights and batches: the runs differ only "
                            + "by their variant. One slider for both.</p>");
            sb.append(animation(id, runs, group.stream().map(r -> timelines.get(r.runId())).toList(), files));
        }
        for (EvolutionRunInfo info : shown) {
            LatentEvolution run = data.get(info.runId());
            if (run == null) continue;
            String id = "evo-" + HtmlText.slug(info.arm());
            links.add(new Section.Link(id, ArmLabel.shortName(info.arm())));
            List<Integer> thumbnails = SnapshotPick.geometric(info.snapshotSteps(), THUMBNAILS);
            String history = files.render("img", "phase-history-" + info.arm(), "png",
                    file -> writePng(PhaseHistoryFigure.render(run, thumbnails), file));
            sb.append("<details class=\"run\" open id=\"").append(id).append("\"><summary><h3>")
                    .append(HtmlText.escape(info.arm())).append("</h3><span class=\"sub\">best run · seed ")
                    .append(info.seed()).append(" · run <code>").append(HtmlText.escape(info.runId()))
                    .append("</code> · ").append(info.snapshotSteps().size()).append(" snapshots, ")
                    .append(run.snapshots().size()).append(" shown</span></summary>");
            sb.append("<div class=\"figures\">").append(BestRunsSection.figure(history, PhaseHistoryFigure.width(),
                    "phase history of " + info.arm() + ": final latents in three views over thumbnails at steps "
                            + thumbnails)).append("</div>");
            sb.append(animation(id + "-anim", List.of(run), List.of(timelines.get(info.runId())), files));
            sb.append("<p class=\"note\">Timeline alone: <a href=\"").append(HtmlText.escape(timelines.get(info.runId())))
                    .append("\">").append(HtmlText.escape(timelines.get(info.runId()))).append("</a></p></details>");
        }
        sb.append("<script>").append(script()).append("</script>");
        return new Section("evolution", "Latent evolution", sb.toString(), links);
    }

    /**
     * Groups of evolution runs to show side by side: per set of the best runs' arms that differ only by their variant
     * axis, the runs of one seed (the first such arm's best run's) in each of those arms.
     */
    static List<List<EvolutionRunInfo>> sideBySide(List<String> arms, List<EvolutionRunInfo> best,
                                                   List<EvolutionRunInfo> candidates) {
        Map<Map<String, String>, List<EvolutionRunInfo>> byAxes = new LinkedHashMap<>();
        for (EvolutionRunInfo b : best) {
            if (!b.axes().containsKey(EvolutionRunInfo.VARIANT_AXIS)) continue;
            byAxes.computeIfAbsent(b.axesBesidesVariant(), k -> new ArrayList<>()).add(b);
        }
        List<List<EvolutionRunInfo>> groups = new ArrayList<>();
        for (List<EvolutionRunInfo> bests : byAxes.values()) {
            if (bests.size() < 2) continue;
            long seed = bests.get(0).seed();
            List<EvolutionRunInfo> group = new ArrayList<>();
            for (String arm : arms) {
                if (bests.stream().noneMatch(b -> b.arm().equals(arm))) continue;
                candidates.stream().filter(c -> c.arm().equals(arm) && c.seed() == seed).findFirst().ifPresent(group::add);
            }
            if (group.size() >= 2) groups.add(group);
        }
        return groups;
    }

    /** The controls, a canvas and the timeline picture with its marker per run; the data as anim/<id>.js. */
    private static String animation(String id, List<LatentEvolution> runs, List<String> timelines, ReportFiles files) {
        TreeSet<Integer> union = new TreeSet<>();
        runs.forEach(r -> union.addAll(r.snapshots().keySet()));
        List<Integer> steps = new ArrayList<>(union);
        String data = files.render("anim", id, "js", file -> writeText(file, dataScript(id, runs, steps)));
        String gif = files.render("anim", id, "gif", file -> writeGif(file, runs, steps));
        int last = steps.size() - 1;
        StringBuilder sb = new StringBuilder("<div class=\"evo\" data-evo=\"").append(id).append("\" id=\"")
                .append(id).append("-player\" data-step=\"").append(steps.get(last)).append("\">");
        sb.append("<div class=\"evo-controls\"><button type=\"button\" class=\"evo-play\" aria-pressed=\"false\">▶ play"
                        + "</button><input type=\"range\" class=\"evo-slider\" min=\"0\" max=\"").append(last)
                .append("\" step=\"1\" value=\"").append(last).append("\" aria-label=\"snapshot\"><span class=\"evo-step\">step ")
                .append(String.format(Locale.ROOT, "%,d", steps.get(last))).append("</span><span>")
                .append(steps.size()).append(" snapshots · <a href=\"").append(HtmlText.escape(gif))
                .append("\">animated GIF</a></span></div><div class=\"evo-runs\">");
        for (int i = 0; i < runs.size(); i++) {
            LatentEvolution run = runs.get(i);
            int width = 3 * EvolutionFrame.VIEW + 2 * EvolutionFrame.GAP;
            sb.append("<div class=\"evo-run\"><div class=\"evo-title\">").append(HtmlText.escape(run.title()))
                    .append("</div><canvas class=\"evo-latents\" width=\"").append(2 * width).append("\" height=\"")
                    .append(2 * EvolutionFrame.VIEW).append("\" aria-label=\"latents of ")
                    .append(HtmlText.escape(run.title())).append(" at the current step\"></canvas>")
                    .append("<div class=\"evo-timeline\"><img src=\"").append(HtmlText.escape(timelines.get(i)))
                    .append("\" width=\"").append(width).append("\" alt=\"timeline of ")
                    .append(HtmlText.escape(run.title())).append(": scheduled properties and loss terms\">")
                    .append("<div class=\"evo-marker\"></div></div></div>");
        }
        sb.append("</div></div><script src=\"").append(HtmlText.escape(data)).append("\"></script>");
        return sb.toString();
    }

    /** The animation's data: per run its colours, and per snapshot and view each point at 0–999 across its frame. */
    static String dataScript(String id, List<LatentEvolution> runs, List<Integer> steps) {
        int width = 3 * EvolutionFrame.VIEW + 2 * EvolutionFrame.GAP;
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("steps", steps);
        root.put("width", width);
        root.put("height", EvolutionFrame.VIEW);
        root.put("view", EvolutionFrame.VIEW);
        root.put("gap", EvolutionFrame.GAP);
        root.put("delay", DELAY * 10);
        List<Object> list = new ArrayList<>();
        for (LatentEvolution run : runs) {
            Map<String, Object> r = new LinkedHashMap<>();
            List<Integer> own = new ArrayList<>(run.snapshots().keySet());
            r.put("title", run.title());
            r.put("steps", own);
            r.put("frameAt", steps.stream().map(s -> own.indexOf(run.at(s).getKey())).toList());
            List<LatentSample> first = run.snapshots().firstEntry().getValue();
            r.put("colors", first.stream().map(s -> Palette.hex(new java.awt.Color(channel(s.r()), channel(s.g()),
                    channel(s.b())))).toList());
            List<Object> views = new ArrayList<>();
            for (LatentFrame f : run.views()) {
                views.add(Map.of("label", f.projection().label(),
                        "ox", round(-f.xMin() / (f.xMax() - f.xMin())), "oy", round(-f.yMin() / (f.yMax() - f.yMin()))));
            }
            r.put("views", views);
            List<Object> frames = new ArrayList<>();
            for (List<LatentSample> snapshot : run.snapshots().values()) {
                List<Object> perView = new ArrayList<>();
                for (LatentFrame f : run.views()) {
                    int[] points = new int[2 * first.size()];
                    for (int i = 0; i < first.size(); i++) {
                        LatentSample s = i < snapshot.size() ? snapshot.get(i) : null;
                        points[2 * i] = s == null ? -1 : quantize(f.u(s.latent()));
                        points[2 * i + 1] = s == null ? -1 : quantize(f.v(s.latent()));
                    }
                    perView.add(points);
                }
                frames.add(perView);
            }
            r.put("frames", frames);
            TimelinePanel panel = new TimelinePanel(run.timeline(), width);
            r.put("marker", Map.of("x0", run.timeline().firstStep(), "x1", run.timeline().lastStep(),
                    "left", round((double) panel.plotLeft() / panel.width()),
                    "width", round((double) (panel.plotRight() - panel.plotLeft()) / panel.width()),
                    "top", round((double) (panel.plotTop() - 2) / panel.height()),
                    "height", round((double) (panel.plotBottom() - panel.plotTop() + 2) / panel.height())));
            list.add(r);
        }
        root.put("runs", list);
        try {
            return "window.anchorSweepEvolution = window.anchorSweepEvolution || {};\n"
                    + "window.anchorSweepEvolution[" + JSON.writeValueAsString(id) + "] = "
                    + JSON.writeValueAsString(root) + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the animation data of " + id, e);
        }
    }

    private static int quantize(double t) {
        if (!Double.isFinite(t) || t < 0 || t > 1) return -1;
        return (int) Math.min(999, Math.round(t * 999));
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }

    private static int channel(double c) {
        return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
    }

    static void writeGif(Path file, List<LatentEvolution> runs, List<Integer> steps) {
        List<BufferedImage> frames = new ArrayList<>();
        List<Integer> delays = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            frames.add(EvolutionFrame.render(runs, steps.get(i)));
            delays.add(i == steps.size() - 1 ? HOLD : DELAY);
        }
        GifAnimation.write(file, frames, delays);
    }

    private static void writeTimeline(LatentEvolution run, Path file) {
        TimelinePicture.write(run.timeline(), 3 * EvolutionFrame.VIEW + 2 * EvolutionFrame.GAP, file);
    }

    private static void writePng(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String script() {
        String path = "dev/anchorsweep/analysis/report/evolution.js";
        try (InputStream in = EvolutionSection.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("no " + path + " on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
