package dev.anchorsweep.train;

import dev.anchorsweep.color.ColorSet;
import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.color.Rgb;
import dev.anchorsweep.concept.Concept;
import dev.anchorsweep.model.ModelWeights;
import dev.anchorsweep.run.PackShape;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.run.TrainingSpec;
import dev.anchorsweep.schedule.KeyframeSchedule;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ISchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Trains a pack of runs of one {@link PackShape} in one SameDiff graph (SCA-SPEC §3): Adam with the shared lr
 * schedule, every run's batches, labels and regularizer weights drawn from its own seed, validation every N steps,
 * latent snapshots, and per-run divergence detection. If the pack as a whole throws, each run is retrained alone so
 * that one bad run cannot take the others down.
 */
public final class PackTrainer implements Trainer {

    private static final Logger log = LoggerFactory.getLogger(PackTrainer.class);

    /** Told the fraction of the pack's training done, at every validation or snapshot step. */
    public interface Progress {
        void trained(double fraction);

        Progress NONE = fraction -> { };
    }

    private final Progress progress;

    public PackTrainer() {
        this(Progress.NONE);
    }

    public PackTrainer(Progress progress) {
        VariableUtilsPatch.requireLoaded();
        this.progress = progress;
    }

    @Override
    public List<TrainedRun> train(List<RunSpec> runs) {
        if (runs.isEmpty()) return List.of();
        PackShape.of(runs); // throws unless the runs share one shape
        long start = System.nanoTime();
        try {
            return new Session(runs, progress).run();
        } catch (RuntimeException | OutOfMemoryError e) {
            double seconds = (System.nanoTime() - start) / 1e9;
            if (runs.size() == 1) {
                if (TrainerWarmUp.onThisThread()) log.debug("warm-up run failed: {}", e.toString());
                else log.warn("run (seed {}) failed: {}", runs.get(0).seed(), e.toString());
                return List.of(TrainedRun.failed(runs.get(0), RunFailure.thrown(e), seconds));
            }
            if (TrainerWarmUp.onThisThread()) {
                log.debug("warm-up pack failed: {}", e.toString());
                return runs.stream().map(r -> TrainedRun.failed(r, RunFailure.thrown(e), seconds)).toList();
            }
            log.warn("pack of {} runs failed ({}); retraining its runs one by one", runs.size(), e.toString());
            List<TrainedRun> out = new ArrayList<>();
            for (RunSpec r : runs) out.addAll(new PackTrainer().train(List.of(r)));
            return out;
        }
    }

    /** The state of one pack's training. */
    private static final class Session {
        private final List<RunSpec> runs;
        private final TrainingSpec training;
        private final int packSize;
        private final PackGraph graph;
        private final List<BatchSampler> samplers = new ArrayList<>();
        private final StepRecorder recorder;
        private final List<Map<Integer, Map<String, Double>>> validation = new ArrayList<>();
        private final List<Map<Integer, ModelWeights>> snapshots = new ArrayList<>();

        private final Progress progress;

        Session(List<RunSpec> runs, Progress progress) {
            this.runs = runs;
            this.progress = progress;
            this.training = runs.get(0).training();
            this.packSize = runs.size();
            List<ModelWeights> initial = runs.stream()
                    .map(r -> WeightInit.initialize(r.architecture(), r.seed())).toList();
            this.graph = PackGraph.build(runs, initial);
            for (RunSpec r : runs) {
                samplers.add(new BatchSampler(r));
                validation.add(new HashMap<>());
                snapshots.add(new HashMap<>());
            }
            List<String> recorded = new ArrayList<>(List.of(PackGraph.RECON));
            graph.slots.forEach(s -> recorded.add(s.termName()));
            this.recorder = new StepRecorder(recorded, training.steps());
            KeyframeSchedule lr = training.lr();
            graph.sd.setTrainingConfig(TrainingConfig.builder()
                    .updater(new Adam(new LrSchedule(lr)))
                    .dataSetFeatureMapping(graph.featureNames().toArray(String[]::new))
                    .markLabelsUnused()
                    .minimize(PackGraph.LOSS)
                    .build());
        }

        List<TrainedRun> run() {
            long start = System.nanoTime();
            TreeSet<Integer> stops = new TreeSet<>(training.snapshotSteps());
            for (int s = training.validateEvery(); s < training.steps(); s += training.validateEvery()) stops.add(s);
            stops.add(training.steps());
            int done = 0;
            observe(0);
            for (int stop : stops) {
                if (stop > done) {
                    long t0 = System.nanoTime();
                    graph.sd.fit(new Batches(done, stop), 1, recorder);
                    if (log.isDebugEnabled()) log.debug("pack of {}: steps {}..{} at {} ms/step", packSize, done, stop,
                            String.format("%.2f", (System.nanoTime() - t0) / 1e6 / (stop - done)));
                    done = stop;
                }
                observe(done);
                progress.trained((double) done / training.steps());
            }
            double perRun = (System.nanoTime() - start) / 1e9 / packSize;
            List<TrainedRun> out = new ArrayList<>();
            for (int p = 0; p < packSize; p++) out.add(result(p, perRun));
            return out;
        }

        /** Validation and snapshots after {@code step} updates. */
        private void observe(int step) {
            if (training.snapshotSteps().contains(step)) {
                for (int p = 0; p < packSize; p++) snapshots.get(p).put(step, graph.weightsOf(p));
            }
            if (step > 0 && (step % training.validateEvery() == 0 || step == training.steps())) validate(step);
        }

        private void validate(int step) {
            ColorSet set = ColorSets.validation();
            int n = set.size();
            float[] x = new float[packSize * n * 3];
            for (int p = 0; p < packSize; p++) {
                for (int i = 0; i < n; i++) {
                    Rgb c = set.color(i);
                    int o = (p * n + i) * 3;
                    x[o] = (float) c.r();
                    x[o + 1] = (float) c.g();
                    x[o + 2] = (float) c.b();
                }
            }
            Map<String, INDArray> feed = new HashMap<>();
            feed.put(PackGraph.X, Nd4j.create(x, new long[] {packSize, n, 3}, 'c'));
            List<String> outputs = new ArrayList<>(List.of(PackGraph.RECON));
            for (TermSlot slot : graph.slots) {
                if (!slot.validated()) continue;
                outputs.add(slot.termName());
                if (!slot.labelled()) continue;
                float[] mask = new float[packSize * n];
                for (int p = 0; p < packSize; p++) {
                    Concept concept = conceptOf(p, slot);
                    if (concept == null) continue;
                    for (int i = 0; i < n; i++) mask[p * n + i] = concept.exactLabel(set.color(i)) ? 1f : 0f;
                }
                feed.put(slot.maskName(), Nd4j.create(mask, new long[] {packSize, n}, 'c'));
            }
            Map<String, INDArray> result = graph.sd.output(feed, outputs.toArray(String[]::new));
            for (int p = 0; p < packSize; p++) {
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("recon", result.get(PackGraph.RECON).getDouble(p));
                for (TermSlot slot : graph.slots) {
                    int r = graph.regularizerOfSlot[p][slot.index()];
                    if (r < 0 || !slot.validated()) continue;
                    metrics.put(runs.get(p).regularizers().get(r).name(), result.get(slot.termName()).getDouble(p));
                }
                validation.get(p).put(step, metrics);
            }
        }

        /** The run's training loss at step t: recon + Σ w_r(t)·L_r, as the graph sums it. */
        private double total(int p, int t) {
            double total = recorder.value(PackGraph.RECON, t, p);
            for (TermSlot slot : graph.slots) {
                int r = graph.regularizerOfSlot[p][slot.index()];
                if (r >= 0) total += runs.get(p).regularizers().get(r).schedule().valueAt(t) * recorder.value(slot.termName(), t, p);
            }
            return total;
        }

        private Concept conceptOf(int p, TermSlot slot) {
            int r = graph.regularizerOfSlot[p][slot.index()];
            if (r < 0) return null;
            RunSpec run = runs.get(p);
            return run.concept(run.regularizers().get(r).concept()).orElseThrow();
        }

        private TrainedRun result(int p, double trainSeconds) {
            RunSpec run = runs.get(p);
            List<HistoryPoint> history = new ArrayList<>();
            RunFailure failure = null;
            int steps = training.steps();
            for (int t = 0; t <= steps; t++) {
                boolean trained = t < steps;
                double total = trained ? total(p, t) : 0;
                if (failure == null && trained && !Double.isFinite(total)) {
                    failure = RunFailure.diverged("total loss", total, t);
                }
                Map<String, Double> val = validation.get(p).getOrDefault(t, Map.of());
                boolean logged = (trained && (t % training.historyEvery() == 0 || t == steps - 1)) || !val.isEmpty()
                        || (failure != null && failure.step() == t);
                if (!logged) continue;
                Map<String, Double> weights = new LinkedHashMap<>();
                Map<String, Double> losses = new LinkedHashMap<>();
                if (trained) {
                    losses.put("recon", recorder.value(PackGraph.RECON, t, p));
                    losses.put("total", total);
                }
                for (TermSlot slot : graph.slots) {
                    int r = graph.regularizerOfSlot[p][slot.index()];
                    if (r < 0) continue;
                    RegularizerSpec spec = run.regularizers().get(r);
                    weights.put(spec.name(), spec.schedule().valueAt(t));
                    if (trained) losses.put(spec.name(), recorder.value(slot.termName(), t, p));
                }
                history.add(new HistoryPoint(t, training.lr().valueAt(t), weights, losses, val));
            }
            ModelWeights weights = graph.weightsOf(p);
            if (failure == null && !finite(weights)) failure = new RunFailure("diverged: non-finite weights", steps);
            Map<String, Long> labels = new LinkedHashMap<>();
            long[] counts = samplers.get(p).labelCounts();
            for (int k = 0; k < counts.length; k++) labels.put(run.concepts().get(k).name(), counts[k]);
            return new TrainedRun(run, weights, history, labels, snapshots.get(p), failure, trainSeconds, packSize);
        }

        private static boolean finite(ModelWeights w) {
            for (var layers : List.of(w.encoder(), w.decoder())) {
                for (var l : layers) {
                    for (float v : l.weights()) if (!Float.isFinite(v)) return false;
                    for (float v : l.bias()) if (!Float.isFinite(v)) return false;
                }
            }
            return true;
        }

        /** The training batches of steps [from, to) of every run, with each run's regularizer weights and masks. */
        private final class Batches implements MultiDataSetIterator {
            private final int from;
            private final int to;
            private int step;

            Batches(int from, int to) {
                this.from = from;
                this.to = to;
                this.step = from;
            }

            @Override
            public boolean hasNext() {
                return step < to;
            }

            @Override
            public org.nd4j.linalg.dataset.api.MultiDataSet next() {
                int b = training.batchSize();
                int slots = graph.slots.size();
                float[] x = new float[packSize * b * 3];
                float[] w = new float[packSize * slots];
                List<TermSlot> labelled = graph.slots.stream().filter(TermSlot::labelled).toList();
                float[][] masks = new float[labelled.size()][packSize * b];
                for (int p = 0; p < packSize; p++) {
                    RunSpec run = runs.get(p);
                    float[][] labels = new float[run.concepts().size()][b];
                    samplers.get(p).next(x, p * b * 3, labels);
                    for (TermSlot slot : graph.slots) {
                        int r = graph.regularizerOfSlot[p][slot.index()];
                        if (r >= 0) w[p * slots + slot.index()] = (float) run.regularizers().get(r).schedule().valueAt(step);
                    }
                    for (int m = 0; m < labelled.size(); m++) {
                        Concept concept = conceptOf(p, labelled.get(m));
                        if (concept != null) {
                            System.arraycopy(labels[run.concepts().indexOf(concept)], 0, masks[m], p * b, b);
                        }
                    }
                }
                List<INDArray> features = new ArrayList<>();
                features.add(Nd4j.create(x, new long[] {packSize, b, 3}, 'c'));
                if (slots > 0) features.add(Nd4j.create(w, new long[] {packSize, slots}, 'c'));
                for (float[] m : masks) features.add(Nd4j.create(m, new long[] {packSize, b}, 'c'));
                step++;
                return new org.nd4j.linalg.dataset.MultiDataSet(features.toArray(INDArray[]::new), new INDArray[0]);
            }

            @Override
            public org.nd4j.linalg.dataset.api.MultiDataSet next(int num) {
                return next();
            }

            @Override
            public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
                throw new UnsupportedOperationException("training batches take no preprocessor");
            }

            @Override
            public MultiDataSetPreProcessor getPreProcessor() {
                return null;
            }

            @Override
            public boolean resetSupported() {
                return false;
            }

            @Override
            public boolean asyncSupported() {
                return false;
            }

            @Override
            public void reset() {
                throw new UnsupportedOperationException("training batches are drawn once; steps " + from + ".." + to);
            }
        }
    }

    /** The shared learning-rate schedule, read by Adam at every iteration (the iteration count carries across fits). */
    private record LrSchedule(KeyframeSchedule lr) implements ISchedule {
        @Override
        public double valueAt(int iteration, int epoch) {
            return lr.valueAt(iteration);
        }

        @Override
        public ISchedule clone() {
            return this;
        }
    }
}
