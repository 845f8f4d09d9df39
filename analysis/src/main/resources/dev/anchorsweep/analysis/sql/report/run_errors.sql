-- Every ok run's concept, complement and worst off-target error and score per intervention (the box plots' points).
SELECT arm, seed, run_id, intervention, concept_color, concept_error, complement_color, complement_error,
       worst_off_target_color, worst_off_target_error, score, val_recon
FROM run_errors
WHERE sweep_id = :sweep
ORDER BY arm, intervention, seed
