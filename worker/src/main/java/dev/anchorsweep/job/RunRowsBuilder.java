package dev.anchorsweep.job;

import dev.anchorsweep.color.Hsv;
import dev.anchorsweep.evaluation.ColorEvaluation;
import dev.anchorsweep.evaluation.LatentSnapshot;
import dev.anchorsweep.evaluation.RunEvaluation;
import dev.anchorsweep.results.EvaluationRow;
import dev.anchorsweep.train.TrainerFactory;
import dev.anchorsweep.results.HistoryRow;
import dev.anchorsweep.results.LatentRow;
import dev.anchorsweep.results.RunRow;
import dev.anchorsweep.results.RunRows;
import dev.anchorsweep.intervention.Repulsion;
import dev.anchorsweep.intervention.Suppression;
import dev.anchorsweep.regularizer.Anchor;
import dev.anchorsweep.regularizer.EuclideanAnchor;
import dev.anchorsweep.run.EvaluationSpec;
import dev.anchorsweep.run.InterventionSpec;
import dev.anchorsweep.run.LatentInterventionSpec;
import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.train.HistoryPoint;
import dev.anchorsweep.train.TrainedRun;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a trained (and, when it trained, evaluated) run into the rows of every result table. */
public final class RunRowsBuilder {

    private RunRowsBuilder() {
    }

    /**
     * A run a stopping rule stopped is {@code stopped} (evaluated on its weights at the stop step), unless evaluation
     * failed.
     *
     * @param evaluation null when the run failed before it could be evaluated
     * @param error      overrides the training failure (e.g. evaluation threw), or null
     */
    public static RunRows build(RunTicket ticket, TrainedRun trained, RunEvaluation evaluation, String error,
                                String packId, int attempt, int sweepVersion, Provenance provenance,
                                Instant startedAt) {
        RunSpec spec = ticket.spec();
        String sweep = ticket.sweepId();
        String run = ticket.runId();
        boolean ok = trained.ok() && evaluation != null && error == null;
        boolean stopped = ok && trained.stopped();
        String message = error != null ? error : trained.failure() != null ? trained.failure().error() : null;
        Integer failedStep = trained.failure() != null ? trained.failure().step() : null;

        Map<String, Double> losses = trained.finalLosses();
        Map<String, Double> terms = new LinkedHashMap<>(losses);
        terms.remove("recon");
        terms.remove("total");
        Map<String, Double> validation = trained.finalValidation();
        Map<String, Double> valTerms = new LinkedHashMap<>(validation);
        valTerms.remove("recon");

        EvaluationSpec.Selection selection = spec.evaluation().selection();
        ConceptErrors summary = evaluation == null ? ConceptErrors.NONE
                : ConceptErrors.of(spec, evaluation, validation.get("recon"));
        RunRow row = new RunRow(sweep, run, ticket.arm(), spec.seed(),
                stopped ? RunRow.STOPPED : ok ? RunRow.OK : RunRow.FAILED, message,
                failedStep, spec.regularizerNames(), ticket.axes(), spec.architecture().latentDim(),
                spec.architecture().hiddenWidth(), spec.architecture().layersPerSide(), spec.training().steps(),
                spec.training().batchSize(), packId, trained.packSize(), trained.trainSeconds(),
                evaluation == null ? 0 : evaluation.seconds(), losses.get("total"), losses.get("recon"), terms,
                validation.get("recon"), valTerms, trained.labelCounts(),
                evaluation == null ? Map.of() : evaluation.scores(), selection.intervention(),
                evaluation == null || selection.intervention() == null ? null
                        : evaluation.scores().get(selection.intervention()),
                selectionMetrics(selection, validation), conceptDirection(spec), spec.canonical(), provenance.codeVersion(),
                provenance.host(), provenance.jvm(), startedAt, Instant.now(), attempt, sweepVersion,
                TrainerFactory.resolve(spec).configName(), stopped ? trained.stop().step() : null,
                stopped ? trained.stop().rule() : null, summary.conceptLabel(), summary.group(), summary.concept(),
                summary.otherLabel(), summary.other());

        List<HistoryRow> history = new ArrayList<>();
        for (HistoryPoint p : trained.history()) {
            history.add(new HistoryRow(sweep, run, p.step(), p.lr(), p.weights(), p.losses(), p.validation()));
        }
        List<EvaluationRow> evaluations = new ArrayList<>();
        List<LatentRow> latents = new ArrayList<>();
        if (ok) {
            for (ColorEvaluation c : evaluation.colors()) {
                Hsv hsv = c.color().toHsv();
                evaluations.add(new EvaluationRow(sweep, run, c.intervention(), c.colorSet(), c.index(), c.name(),
                        c.color().r(), c.color().g(), c.color().b(), hsv.h(), hsv.s(), hsv.v(), c.output()[0],
                        c.output()[1], c.output()[2], c.error(), c.similarity()));
            }
            for (LatentSnapshot l : evaluation.latents()) {
                int n = l.set().size();
                double[] r = new double[n], g = new double[n], b = new double[n];
                for (int i = 0; i < n; i++) {
                    r[i] = l.set().color(i).r();
                    g[i] = l.set().color(i).g();
                    b[i] = l.set().color(i).b();
                }
                latents.add(new LatentRow(sweep, run, l.step(), l.intervention(), l.set().name(), r, g, b, l.latents()));
            }
        }
        return new RunRows(row, history, evaluations, latents);
    }

    private static Map<String, Double> selectionMetrics(EvaluationSpec.Selection selection, Map<String, Double> val) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String m : selection.minimize()) if (val.containsKey(m)) out.put(m, val.get(m));
        return out;
    }

    /** The direction of the run's first anchor, else of its first latent intervention, else null. */
    static List<Double> conceptDirection(RunSpec spec) {
        for (RegularizerSpec r : spec.regularizers()) {
            if (r.regularizer() instanceof Anchor a) return boxed(a.direction().toArray());
            if (r.regularizer() instanceof EuclideanAnchor a) return boxed(a.point().toArray());
        }
        for (InterventionSpec i : spec.interventions()) {
            if (i instanceof LatentInterventionSpec l && l.intervention() instanceof Suppression s) {
                return boxed(s.direction().toArray());
            }
            if (i instanceof LatentInterventionSpec l && l.intervention() instanceof Repulsion r) {
                return boxed(r.direction().toArray());
            }
        }
        return null;
    }

    private static List<Double> boxed(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
