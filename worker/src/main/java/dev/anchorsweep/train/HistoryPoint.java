package dev.anchorsweep.train;

import java.util.Map;

/**
 * One logged step of a run. {@code step} counts the updates applied before it: the losses are the training losses of
 * batch {@code step} (computed with the weights after {@code step} updates), and the validation metrics, when present,
 * were computed with those same weights. The last point may have step = steps (after the final update): it carries
 * only validation metrics.
 *
 * @param lr         the learning rate used at this step
 * @param weights    the property values used at this step by name: each regularizer weight w_r(step), and with the
 *                   fused engine {@code recon} (when recon-weight is configured or a reactive rule moves it) and each
 *                   data property
 * @param losses     {@code recon}, {@code total} and one per regularizer (its unweighted value), empty if not trained
 * @param validation {@code recon} and the validated regularizer terms, empty when not validated at this step
 */
public record HistoryPoint(int step, double lr, Map<String, Double> weights, Map<String, Double> losses,
                           Map<String, Double> validation) {

    public HistoryPoint {
        weights = Map.copyOf(weights);
        losses = Map.copyOf(losses);
        validation = Map.copyOf(validation);
    }
}
