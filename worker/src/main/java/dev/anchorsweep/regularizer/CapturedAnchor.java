package dev.anchorsweep.regularizer;

import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.color.Rgb;
import dev.anchorsweep.data.ColorSpec;
import dev.anchorsweep.data.TrainingColors;
import java.util.ArrayList;
import java.util.List;

import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Map;

/**
 * Captured anchor (the reference's 1.5/1.6 {@code Anchor}, weight column {@code reg-anchor}): L = the mean over the
 * anchor colours c and the latent dims of (z(c) − z_ref(c))², where z_ref are the latents of those colours captured
 * at the start of step {@code captureStep} (with the weights after that many updates, before that step's own update;
 * held fixed, no gradient through them). Before the capture L = 0, with no gradient. The anchor colours are a pass of
 * their own through the encoder, not part of the batch: a scalar term, never on a concept's samples.
 *
 * <p>Fused engine only ({@code fused.CapturedAnchorPass}): SameDiff has no term for it.
 *
 * @param captureStep the step at whose start the latents are captured (the dopesheet's {@code anchor} action)
 */
public record CapturedAnchor(ColorSpec colors, int captureStep) implements Regularizer {

    public CapturedAnchor {
        if (colors == null) throw new IllegalArgumentException("captured-anchor needs colors");
        if (captureStep < 0) {
            throw new IllegalArgumentException("captured-anchor capture-step must be ≥ 0, but got " + captureStep);
        }
    }

    @Override
    public String kind() {
        return "captured-anchor";
    }

    /** The anchor colours in the set's order ({@code type = grid} is the paper's 8³ grid). */
    public List<Rgb> rgb() {
        TrainingColors set = colors.build(ColorSets.PAPER_GRID);
        List<Rgb> out = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) out.add(set.color(i));
        return out;
    }

    @Override
    public SDVariable perSample(LatentVariables latent, SDVariable parameter) {
        throw new UnsupportedOperationException("captured-anchor is trained by the fused engine only");
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("colors", colors, "capture-step", captureStep);
    }
}
