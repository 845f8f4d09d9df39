-- One row per arm (its best run) for a regularizer-combination sweep: where red sits relative to its anchor, how much
-- of the vibrant hues' norm lies in dims 0–1, reconstruction error, and the concept's error under the selection
-- intervention.
SELECT b.arm, size(b.regularizers) AS regularizer_count, b.regularizers, b.seed, b.run_id,
       g.red_cosine, g.vibrant_plane_share, g.latent_norm, b.val_recon,
       b.selection_intervention, b.selection_score,
       e.concept_error AS selection_concept_error, e.worst_off_target_error AS selection_off_target_error
FROM best_runs b
LEFT JOIN latent_geometry g ON g.sweep_id = b.sweep_id AND g.run_id = b.run_id
LEFT JOIN run_errors e ON e.sweep_id = b.sweep_id AND e.run_id = b.run_id AND e.intervention = b.selection_intervention
WHERE b.sweep_id = :sweep
ORDER BY regularizer_count, b.arm
