package dev.anchorsweep.job;

import dev.anchorsweep.evaluation.RunEvaluation;
import dev.anchorsweep.evaluation.RunEvaluator;
import dev.anchorsweep.results.PackCommit;
import dev.anchorsweep.results.ResultStore;
import dev.anchorsweep.results.RunRow;
import dev.anchorsweep.results.RunRows;
import dev.anchorsweep.train.PackTrainer;
import dev.anchorsweep.train.TrainedRun;
import dev.anchorsweep.train.TrainerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A worker's unit of work: train one pack of runs, evaluate every run, and commit all their rows as one pack commit
 * ({@link PackCommit}: one file per table, the runs file last). A run that diverges or throws is committed as failed
 * with its error; the others go on. Runs the store already holds (committed by an earlier attempt of the same task)
 * are skipped, so a retried task never duplicates a run; an attempt killed before its commit leaves only files that
 * no runs row names (invisible, and removed when the sweep resumes).
 */
public final class PackJob {

    private static final Logger log = LoggerFactory.getLogger(PackJob.class);

    private final ResultStore store;
    private final Provenance provenance;
    private final int sweepVersion;

    /** @param sweepVersion the sweep version the runs are trained for (recorded on their runs rows) */
    public PackJob(ResultStore store, Provenance provenance, int sweepVersion) {
        this.store = store;
        this.provenance = provenance;
        this.sweepVersion = sweepVersion;
    }

    /** A commit id unique to this attempt of the pack: {@code <packId>-a<attempt>-<8 random hex digits>}. */
    static String commitId(String packId, int attempt) {
        return packId + "-a" + attempt + "-" + String.format("%08x", new SecureRandom().nextInt());
    }

    /** @param progress told the fraction of the pack trained so far */
    public List<RunOutcome> run(String packId, List<RunTicket> tickets, int attempt, PackTrainer.Progress progress) {
        if (tickets.isEmpty()) return List.of();
        String sweep = tickets.get(0).sweepId();
        Set<String> committed;
        try {
            committed = attempt > 0 ? store.committedRunIds(sweep) : Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list committed runs of sweep " + sweep, e);
        }
        List<RunTicket> todo = tickets.stream().filter(t -> !committed.contains(t.runId())).toList();
        if (todo.size() < tickets.size()) {
            log.info("pack {} attempt {}: {} of {} runs already committed, training the other {}", packId, attempt,
                    tickets.size() - todo.size(), tickets.size(), todo.size());
        }
        if (todo.isEmpty()) return List.of();
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        List<TrainedRun> trained = TrainerFactory.trainer(progress).train(todo.stream().map(RunTicket::spec).toList());
        long trainedAt = System.nanoTime();
        long evaluating = 0, building = 0, writing = 0;
        List<RunOutcome> outcomes = new ArrayList<>();
        RunEvaluator evaluator = new RunEvaluator();
        String commitId = commitId(packId, attempt);
        try (PackCommit commit = store.openPack(sweep, commitId)) {
            for (int i = 0; i < todo.size(); i++) {
                RunTicket ticket = todo.get(i);
                TrainedRun run = trained.get(i);
                RunEvaluation evaluation = null;
                String error = null;
                long t0 = System.nanoTime();
                if (run.ok()) {
                    try {
                        evaluation = evaluator.evaluate(run);
                    } catch (RuntimeException e) {
                        error = "evaluation failed: " + e;
                        log.warn("run {} (seed {}): {}", ticket.runId(), run.spec().seed(), error);
                    }
                }
                long t1 = System.nanoTime();
                RunRows rows = RunRowsBuilder.build(ticket, run, evaluation, error, packId, attempt, sweepVersion,
                        provenance, started);
                long t2 = System.nanoTime();
                commit.add(rows);
                evaluating += t1 - t0;
                building += t2 - t1;
                writing += System.nanoTime() - t2;
                outcomes.add(new RunOutcome(ticket.runId(), ticket.arm(), rows.run().status(), rows.run().error(),
                        run.trainSeconds(), run.packSize(), provenance.host(),
                        rows.run().ok() ? ConceptErrors.of(rows.run()) : ConceptErrors.NONE));
            }
            long t3 = System.nanoTime();
            commit.commit();
            writing += System.nanoTime() - t3;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit pack " + packId + " (commit " + commitId + ") of sweep " + sweep, e);
        }
        log.info("pack {} ({} runs): trained in {} s; then evaluated in {} s, rows built in {} s, written and committed "
                        + "in {} s", packId, todo.size(), String.format("%.1f", (trainedAt - startNanos) / 1e9),
                String.format("%.2f", evaluating / 1e9), String.format("%.2f", building / 1e9),
                String.format("%.2f", writing / 1e9));
        return outcomes;
    }
}
