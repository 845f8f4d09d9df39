package dev.anchorsweep.data;

import com.typesafe.config.ConfigFactory;
import dev.anchorsweep.config.RunConfigParser;
import dev.anchorsweep.run.RunSpec;

import java.nio.file.Path;

/** Runs of the M1 curricula (ex-1.5, ex-1.6), read from config text against the reference dopesheets. */
public final class M1Runs {

    public static final Path DOPESHEETS = Path.of("src/test/resources/dopesheets");

    private M1Runs() {}

    /** The run section {@code text} (HOCON) with seed {@code seed}, dopesheets relative to the reference ones. */
    public static RunSpec parse(String text, int seed) {
        var run = ConfigFactory.parseString(text).withValue("seed",
                com.typesafe.config.ConfigValueFactory.fromAnyRef(seed)).resolve().root();
        return new RunConfigParser(DOPESHEETS).parse(run, "run");
    }

    /** ex-1.5: batch 256 from the HSV cube ∝ bias × levels(vibrancy, data-fraction) after 6 colours in full batches. */
    public static String ex15(int steps) {
        String sheet = "\"ex-1.5-dopesheet.csv\"";
        return """
                model { latent-dim = 4, layers = 1, bottleneck = none, output = sigmoid }
                training {
                  steps = %d
                  batch-size = 256
                  lr { dopesheet = %s, column = lr }
                  phases { dopesheet = %s }
                  data {
                    colors { type = hsv-cube, hues = 36, saturations = 10, values = 10 }
                    weight = bias
                    curriculum = [{ measure = vibrancy, property = data-fraction }]
                    properties { data-fraction { dopesheet = %s, column = data-fraction } }
                    phases = [
                      { from = 0, colors { type = hsv, hues = { from = 0, to = 360, step = 60 } }, batch-size = full,
                        weight = uniform, curriculum = [] }
                      { from = "All hues" }
                    ]
                  }
                }
                regularizers {
                  planar { type = planarity, weight { dopesheet = %s, column = reg-planar } }
                  norm { type = unitarity, weight { dopesheet = %s, column = reg-norm } }
                }
                """.formatted(steps, sheet, sheet, sheet, sheet, sheet);
    }

    /** ex-1.6 (smooth or stepped): batch 32 ∝ bias × levels(vibrancy) × levels(focus), losses weighted per sample. */
    public static String ex16(String variant, int steps, String phaseFrom) {
        String sheet = "\"ex-1.6-" + variant + "-dopesheet.csv\"";
        return """
                model { latent-dim = 4, layers = 1, bottleneck = none, output = sigmoid }
                training {
                  steps = %d
                  batch-size = 32
                  history-every = 10
                  validate-every = 50
                  lr { dopesheet = %s, column = lr }
                  phases { dopesheet = %s }
                  data {
                    colors { type = hsv-cube, hues = 36, saturations = 10, values = 10 }
                    weight = bias
                    curriculum = [
                      { measure = vibrancy, property = data-vibrancies }
                      { measure = primary-secondary-focus, property = data-hues }
                    ]
                    loss-weighting = sampling
                    properties {
                      data-hues { dopesheet = %s, column = data-hues }
                      data-vibrancies { dopesheet = %s, column = data-vibrancies }
                    }
                    phases = [
                      { from = 0, colors { type = hsv, hues = [0, 60, 120, 180, 240, 300] }, batch-size = full,
                        weight = uniform, curriculum = [], loss-weighting = none }
                      { from = %s }
                    ]
                  }
                }
                regularizers {
                  planar { type = planarity, weight { dopesheet = %s, column = reg-planar } }
                  norm { type = unitarity, weight { dopesheet = %s, column = reg-norm } }
                }
                """.formatted(steps, sheet, sheet, sheet, sheet, phaseFrom, sheet, sheet);
    }
}
