package dev.anchorsweep.report;

import dev.anchorsweep.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A small real sweep for the report's tests, run once per test JVM with {@code deploy/sweep run} (Main.run): five
 * arms × 4 seeds of 150-step trainings of a 3-dim latent space — "plain" (anchor + separate), "isolated" (also an
 * anti-subspace term clearing dim 0), "diverging" (lr 1e30: every run fails), "hue" (a vibrancy concept drawn into
 * dims 0–1 by planarity, both dims ablated: a concept without a single colour, ex-2.7.1) and "wild" (plain at lr 10:
 * every run trains "ok" into a degenerate model) — evaluated on the named colours, the hue ring and the 8³ rgb-grid,
 * with final latents of the latent cube. Best-run selection by ablation score against validation recon and anchor
 * loss ("plain", "wild"), or recon alone ("isolated", "hue": with one metric, some seeds are dominated).
 */
final class ReportSweep {

    static final String CONFIG = """
            sweep { name = report-test, description = "five small arms for the report tests" }
            run {
              model { latent-dim = 3, layers = 1 }
              training { steps = 150, validate-every = 50, history-every = 10 }
              evaluation {
                sets = [named, hue-ring, rgb-grid]
                latents { set = latent-cube }
              }
            }
            grid {
              seeds = "0..3"
              variants {
                plain {
                  concepts.red { label = "primary(red)", power = 8, scale = 0.08 }
                  regularizers {
                    anchor { type = anchor, concept = red, direction = [1, 0, 0], weight = 0.1 }
                    separate { type = separate, power = 100, weight = [[0, 0.01], [150, 0]] }
                  }
                  interventions {
                    suppress { type = suppression, direction = [1, 0, 0], score { against = red, power = 2 } }
                    ablate { type = ablation, dims = [0], score { against = red, power = 3 } }
                  }
                  evaluation.selection { intervention = ablate, minimize = [recon, anchor] }
                }
                isolated = ${grid.variants.plain} {
                  regularizers.clear { type = anti-subspace, dims = [0], weight = [[0, 0.2], [100, 0]] }
                  evaluation.selection.minimize = [recon]
                }
                diverging = ${grid.variants.plain} { training.lr = 1e30 }
                hue {
                  concepts.vibrant { label = vibrancy, power = 8, scale = 0.008 }
                  regularizers.plane { type = planarity, concept = vibrant, dims = [0, 1], weight = 0.1 }
                  interventions.ablate { type = ablation, dims = [0, 1], score { against = vibrancy, power = 2.3 } }
                  evaluation.selection { intervention = ablate, minimize = [recon] }
                }
                wild = ${grid.variants.plain} { training.lr = 10 }
              }
            }
            """;

    private static Path root;
    private static String log;

    private ReportSweep() {
    }

    /** The sweep's output root (a folder), trained on first use. */
    static synchronized Path results() {
        if (root != null) return root;
        try {
            Path dir = Files.createTempDirectory("anchor-sweep-report-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            Path config = dir.resolve("report-test.conf");
            Files.writeString(config, CONFIG);
            Path out = dir.resolve("results");
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream stdout = System.out, stderr = System.err;
            int code;
            try {
                System.setOut(new PrintStream(log, true));
                System.setErr(new PrintStream(log, true));
                code = Main.run("run", config.toString(), "--out", out.toString(), "--master", "local[2,3]");
            } finally {
                System.setOut(stdout);
                System.setErr(stderr);
            }
            if (code != 3) {
                throw new IllegalStateException("the report test sweep should end with exit code 3 (the diverging arm "
                        + "fails), but got " + code + ":\n" + log);
            }
            root = out;
            ReportSweep.log = log.toString();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code deploy/sweep run} printed for the sweep (its end-of-sweep summary among it). */
    static synchronized String log() {
        results();
        return log;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
