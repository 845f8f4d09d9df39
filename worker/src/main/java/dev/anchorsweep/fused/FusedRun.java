package dev.anchorsweep.fused;

import dev.anchorsweep.color.ColorSet;
import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.concept.Concept;
import dev.anchorsweep.model.ModelWeights;
import dev.anchorsweep.regularizer.CapturedAnchor;
import dev.anchorsweep.property.RunProperties;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;
import dev.anchorsweep.stopping.ArmValidations;
import dev.anchorsweep.stopping.Stop;
import dev.anchorsweep.stopping.StopCheck;
import dev.anchorsweep.data.DataSampler;
import dev.anchorsweep.train.HistoryPoint;
import dev.anchorsweep.train.RunFailure;
import dev.anchorsweep.train.TrainedRun;
import dev.anchorsweep.train.WeightInit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * Trains one run with the fused engine, exactly as the SameDiff engine's pack trainer does in everything but the
 * arithmetic: the same initial weights ({@link WeightInit}), batches and labels ({@link DataSampler}), lr and weight
 * schedules, validation on the 351 validation colours with exact labels, snapshots, history rows, and divergence (the
 * first non-finite total loss fails the run at that step; training goes on, as SameDiff's does).
 */
final class FusedRun {

    private final RunSpec run;
    private final TrainingSpec training;
    private final FusedLayout layout;
    private final Networks networks;
    private Network net;
    private final Network validationNet;
    private final List<ReducedTerm> terms = new ArrayList<>();
    private final float[] params;
    private final float[] grads;
    private final AdamState adam;
    private final DataSampler sampler;
    /** The index of the first data property among the run's properties (the rest follow in order). */
    private final int firstDataProperty;
    private final double[] dataValues;
    private final float[] recon;
    private final float[][] values;
    private final double[][] weights;
    private final RunProperties properties;
    private final double[] lr;
    private final double[] reconWeight;
    private final float[] stepWeights;
    private final float[] stepValues;
    private final Map<Integer, Map<String, Double>> validation = new HashMap<>();
    private final Map<Integer, ModelWeights> snapshots = new HashMap<>();
    private final float[][] validationLabels;
    /** Where a stopping rule stopped the run, or null. */
    private Stop stop;
    /** The step {@link #advance} goes on from (past the end once the run is done). */
    private int next;
    private int updates;

    /**
     * @param net           the training network of the pack (batch = training batch size)
     * @param validationNet the validation network of the pack, its input already loaded with the validation colours
     */
    FusedRun(RunSpec run, FusedLayout layout, Network net, Network validationNet) {
        this(run, layout, new Networks(layout, net), validationNet);
    }

    /** @param networks the pack's training networks, one per batch size */
    FusedRun(RunSpec run, FusedLayout layout, Networks networks, Network validationNet) {
        this.run = run;
        this.training = run.training();
        this.layout = layout;
        this.networks = networks;
        this.net = networks.of(training.batchSize());
        this.validationNet = validationNet;
        int k = layout.latentDim();
        this.params = new float[layout.size];
        for (RegularizerSpec r : run.regularizers()) {
            if (r.regularizer() instanceof CapturedAnchor a) {        // a pass of its own through the encoder
                terms.add(new ReducedTerm(r, new CapturedAnchorPass(a, layout, params)));
                continue;
            }
            LatentTerm term = FusedTerms.of(r.regularizer(), k).orElseThrow(() -> new IllegalArgumentException(
                    "the fused engine has no term for regularizer '" + r.name() + "' (" + r.regularizer().kind() + ")"));
            int concept = r.labelled() ? run.concepts().indexOf(run.concept(r.concept()).orElseThrow()) : -1;
            terms.add(new ReducedTerm(r, term, concept));
        }
        layout.write(WeightInit.initialize(run.architecture(), run.seed()), params);
        this.grads = new float[layout.size];
        this.adam = new AdamState(layout.size);
        this.sampler = new DataSampler(run);
        int steps = training.steps();
        this.recon = new float[steps];
        this.values = new float[terms.size()][steps];
        this.properties = RunProperties.of(run, training.data().properties());
        this.firstDataProperty = RunProperties.regularizer(run.regularizers().size());
        this.dataValues = new double[training.data().properties().size()];
        this.lr = properties.values(RunProperties.LR);
        this.reconWeight = properties.values(RunProperties.RECON);
        this.weights = new double[terms.size()][];
        for (int r = 0; r < terms.size(); r++) weights[r] = properties.values(RunProperties.regularizer(r));
        this.stepWeights = new float[terms.size()];
        this.stepValues = new float[terms.size()];
        ColorSet set = ColorSets.validation();
        this.validationLabels = new float[run.concepts().size()][validationNet.bp];
        for (int c = 0; c < run.concepts().size(); c++) {
            Concept concept = run.concepts().get(c);
            for (int i = 0; i < set.size(); i++) validationLabels[c][i] = concept.exactLabel(set.color(i)) ? 1f : 0f;
        }
    }

    /** Loads the validation colours into a validation network. */
    static void loadValidationColors(Network validationNet) {
        validationNet.loadColors(ColorSets.validation().colors());
    }

    /**
     * Trains to the end; {@code progress} is told the fraction of this run done at every validation or snapshot. The
     * result's time and pack size are the pack trainer's to fill in.
     */
    TrainedRun train(DoubleConsumer progress) {
        return train(progress, new StopCheck(run, new ArmValidations()));
    }

    /**
     * Trains to the end or until {@code stopping} stops the run at a validation step t &lt; steps (checked after the
     * validation at t, before batch t): then the loop ends there, with the weights after t updates as the final ones.
     */
    TrainedRun train(DoubleConsumer progress, StopCheck stopping) {
        advance(Integer.MAX_VALUE, progress, stopping);
        return result();
    }

    /**
     * Trains on from where the last call stopped: batches up to (not including) {@code until}, or to the end, or until
     * {@code stopping} stops the run (as {@link #train}); then {@link #result} gives the run. A pack's runs advanced in
     * turns, a stretch of steps each, compute exactly what each computes trained to the end at once: nothing of a run
     * is kept outside it between calls.
     *
     * @return whether the run is done (trained to its end or stopped)
     */
    boolean advance(int until, DoubleConsumer progress, StopCheck stopping) {
        int steps = training.steps();
        for (int t = next; ; t++) {
            if (t >= until && t < steps) {
                next = t;
                return false;
            }
            if (observe(t)) progress.accept((double) t / steps);
            if (t == steps) break;
            if (stopping.active() && validation.containsKey(t)) {
                stop = stopping.check(t, validation.get(t));
                if (stop != null) {
                    if (training.snapshotSteps().contains(steps)) snapshots.put(t, layout.read(params));
                    progress.accept(1.0);
                    break;
                }
            }
            // the data properties' values used at step t (rules may have moved them)
            for (int p = 0; p < dataValues.length; p++) dataValues[p] = properties.value(firstDataProperty + p, t);
            DataSampler.Batch batch = sampler.next(t, dataValues);
            net = networks.of(batch.size());
            net.load(batch.rows());
            net.weigh(batch.lossWeights());
            step(t, lr[t], batch.labels());
            if (!run.reactive().isEmpty() && validation.containsKey(t)) properties.observe(t, validation.get(t), losses(t));
        }
        next = Integer.MAX_VALUE;
        return true;
    }

    private void step(int t, double lr, float[][] labels) {
        boolean logged = logged(t);
        for (int r = 0; r < terms.size(); r++) stepWeights[r] = (float) weights[r][t];
        capture(t);
        net.reconWeight = (float) reconWeight[t];
        recon[t] = forwardBackward(stepWeights, logged, labels, stepValues);
        for (int r = 0; r < terms.size(); r++) values[r][t] = stepValues[r];
        adam.update(params, grads, t, lr);
        updates++;
    }

    /** The updates applied so far. */
    int updates() {
        return updates;
    }

    /** The validation metrics by step, of the steps validated so far. */
    Map<Integer, Map<String, Double>> validations() {
        return validation;
    }

    /**
     * One forward and backward pass over the batch loaded into the network: the gradient of recon + Σ w_r·L_r into
     * {@link #grads}, each term's value into {@code termValues} (0 for a term of weight 0 unless {@code allTerms}).
     *
     * @return the reconstruction loss
     */
    float forwardBackward(float[] w, boolean allTerms, float[][] labels, float[] termValues) {
        net.forward(params);
        float reconstruction = net.recon();
        termValues(w, allTerms, labels, termValues);
        net.backwardDecoder(params, grads);
        termGradients(w, labels);
        net.backwardEncoder(params, grads);
        for (int r = 0; r < terms.size(); r++) {
            if (w[r] != 0) terms.get(r).addParameterGradient(grads, w[r]);
        }
        return reconstruction;
    }

    /** At the start of step t (after t updates): what terms keep from these weights (a captured anchor's latents). */
    void capture(int t) {
        for (ReducedTerm term : terms) term.beforeStep(t);
    }

    void termValues(float[] w, boolean allTerms, float[][] labels, float[] termValues) {
        for (int r = 0; r < terms.size(); r++) {
            termValues[r] = w[r] != 0 || allTerms ? terms.get(r).value(net.latent, labels) : 0f;
        }
    }

    void termGradients(float[] w, float[][] labels) {
        net.latent.clearTermGradients();
        for (int r = 0; r < terms.size(); r++) {
            if (w[r] != 0) terms.get(r).addGradient(net.latent, labels, w[r]);
        }
    }

    /** The parameters, gradients and network, for tests against SameDiff. */
    float[] params() {
        return params;
    }

    float[] grads() {
        return grads;
    }

    Network network() {
        return net;
    }

    /** The run's r-th regularizer as this engine has it, for tests. */
    ReducedTerm term(int r) {
        return terms.get(r);
    }

    /** Whether step t's losses go into a history row (then every term is computed, even at weight 0). */
    private boolean logged(int t) {
        int steps = training.steps();
        return t % training.historyEvery() == 0 || t == steps - 1 || (t > 0 && t % training.validateEvery() == 0);
    }

    /** Snapshot and validation after {@code step} updates; true at the steps the SameDiff engine stops at. */
    private boolean observe(int step) {
        boolean stop = false;
        if (training.snapshotSteps().contains(step)) {
            snapshots.put(step, layout.read(params));
            stop = true;
        }
        if (step > 0 && (step % training.validateEvery() == 0 || step == training.steps())) {
            validate(step);
            stop = true;
        }
        return stop && step > 0;
    }

    private void validate(int step) {
        validationNet.forward(params);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("recon", (double) validationNet.recon());
        for (ReducedTerm term : terms) {
            if (!term.validated()) continue;
            metrics.put(term.name(), (double) term.value(validationNet.latent, validationLabels));
        }
        validation.put(step, metrics);
    }

    private double total(int t) {
        double total = reconWeight[t] * recon[t];
        for (int r = 0; r < terms.size(); r++) total += weights[r][t] * values[r][t];
        return total;
    }

    /** The training losses of batch t: recon, total and each regularizer's (unweighted) value. */
    private Map<String, Double> losses(int t) {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("recon", (double) recon[t]);
        losses.put("total", total(t));
        for (int r = 0; r < terms.size(); r++) losses.put(terms.get(r).spec.name(), (double) values[r][t]);
        return losses;
    }

    /** The run as trained: to its end, or to where a stopping rule stopped it. */
    TrainedRun result() {
        List<HistoryPoint> history = new ArrayList<>();
        RunFailure failure = null;
        int steps = training.steps();
        int end = stop == null ? steps : stop.step();
        for (int t = 0; t <= end; t++) {
            boolean trained = t < end;
            double total = trained ? total(t) : 0;
            if (failure == null && trained && !Double.isFinite(total)) {
                failure = RunFailure.diverged("total loss", total, t);
            }
            Map<String, Double> val = validation.getOrDefault(t, Map.of());
            boolean logged = (trained && (t % training.historyEvery() == 0 || t == steps - 1)) || !val.isEmpty()
                    || (failure != null && failure.step() == t);
            if (!logged) continue;
            Map<String, Double> losses = trained ? losses(t) : Map.of();
            history.add(new HistoryPoint(t, lr[t], properties.recorded(t), losses, val));
        }
        ModelWeights finalWeights = layout.read(params);
        if (failure == null && !finite(params)) failure = new RunFailure("diverged: non-finite weights", end);
        Map<String, Long> labels = new LinkedHashMap<>();
        long[] counts = sampler.labelCounts();
        for (int k = 0; k < counts.length; k++) labels.put(run.concepts().get(k).name(), counts[k]);
        return new TrainedRun(run, finalWeights, history, labels, snapshots, failure, 0, 1, stop);
    }

    private static boolean finite(float[] v) {
        for (float x : v) if (!Float.isFinite(x)) return false;
        return true;
    }
}
