package dev.anchorsweep.report;

import dev.anchorsweep.cli.Cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A small real sweep whose latents evolve, for the evolution and loss-spike parts of the report, run once per test JVM
 * with {@code deploy/sweep run}: the paper's isolated run (ex-2.9.1) for {@value #STEPS} steps, history at every step,
 * latents every {@value #EVERY} steps, in two variants that differ only in the anchor weight's interpolation — smooth
 * (min-jerk) or stepped (jumps at steps 20 and 50) — on seeds 0 and 1.
 */
final class EvolutionSweep {

    static final int STEPS = 60, EVERY = 10;
    /** Where the stepped anchor weight jumps (its keys). */
    static final int[] JUMPS = {20, 50};

    private static Path root;

    private EvolutionSweep() {
    }

    static String config() {
        Path run = Path.of("../configs/paper/runs/ex-2.9.1.conf").toAbsolutePath().normalize();
        return """
                sweep { name = evolution-test, description = "smooth vs stepped anchor weight, latents every 10 steps" }
                run {
                  include file("%s")
                  training { steps = %d, history-every = 1 }
                  evaluation.latents.steps { every = %d }
                }
                grid {
                  seeds = "0..1"
                  variants {
                    smooth { regularizers.anchor.weight = [[0, 0], [20, 0.1], [50, 0]] }
                    stepped { regularizers.anchor.weight { interpolation = step, keys = [[0, 0], [20, 0.1], [50, 0]] } }
                  }
                }
                """.formatted(run, STEPS, EVERY);
    }

    /** The sweep's output root (a folder), trained on first use. */
    static synchronized Path results() {
        if (root != null) return root;
        try {
            Path dir = Files.createTempDirectory("anchor-sweep-evolution-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            Path config = dir.resolve("evolution-test.conf");
            Files.writeString(config, config());
            Path out = dir.resolve("results");
            Cli cli = Cli.run("run", config.toString(), "--out", out.toString(), "--master", "local[2]");
            if (cli.code() != 0) throw new IllegalStateException("the evolution test sweep failed: " + cli);
            root = out;
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
