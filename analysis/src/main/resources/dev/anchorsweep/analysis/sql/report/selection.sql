-- Best-run selection: every ok run with its selection metrics and score, whether it is on its arm's Pareto front.
SELECT arm, seed, run_id, selection_intervention, selection_score, selection_metrics, val_recon, on_front,
       selection_rank, front_size, candidates
FROM selection_candidates
WHERE sweep_id = :sweep
ORDER BY arm, on_front DESC, selection_rank, seed
