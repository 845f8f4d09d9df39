-- The best run of every arm (selection_candidates with selection_rank 1), with its run details.
SELECT s.sweep_id, s.arm, s.seed, s.run_id, s.selection_intervention, s.selection_score, s.selection_metrics,
       s.val_recon, s.front_size, s.candidates,
       r.scores, r.regularizers, r.axes, r.latent_dim, r.layers, r.steps, r.train_seconds, r.concept_direction,
       r.label_counts
FROM selection_candidates s
JOIN runs r ON r.sweep_id = s.sweep_id AND r.run_id = s.run_id
WHERE s.selection_rank = 1
