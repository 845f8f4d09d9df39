-- The best run of every arm.
SELECT arm, seed, run_id, selection_intervention, selection_score, selection_metrics, val_recon, front_size, candidates,
       scores, regularizers, latent_dim, layers, steps, train_seconds, concept_direction, label_counts
FROM best_runs
WHERE sweep_id = :sweep
ORDER BY arm
