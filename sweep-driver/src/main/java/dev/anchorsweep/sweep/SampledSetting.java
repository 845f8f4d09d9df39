package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigOrigin;
import dev.anchorsweep.sweep.sampling.Distribution;

/**
 * One setting of a sweep's {@code samples}: a scalar setting of the run, or one keyframe's value or step of a schedule,
 * and the distribution its values are drawn from.
 *
 * @param name     as written, e.g. {@code model.latent-dim} or {@code regularizers.anchor.weight[2].value}; its key in
 *                 {@code runs.axes} is {@code sample.<name>}
 * @param keyframe the keyframe it addresses, or null for a scalar setting (then {@code name} is its path)
 * @param source   where it is declared (its object under {@code samples.settings})
 * @param origin   the same place as a config origin: the values it writes into a run carry it, so that a problem the
 *                 run's parser finds with a drawn value points at the setting
 */
public record SampledSetting(String name, KeyframeAddress keyframe, Distribution distribution, AxisSource source,
                             ConfigOrigin origin) {

    /** The path within {@code run} that it changes: the scalar's, or the schedule's. */
    public String path() {
        return keyframe == null ? name : keyframe.schedule();
    }

    /** Its key in {@code runs.axes} and in the arm's axes. */
    public String axisKey() {
        return SampleAxis.NAME + "." + name;
    }
}
