-- Every ok run's concept, complement and worst off-target error and score per intervention (the box plots' points);
-- for a concept without a single colour, the median error of its colour group (concept_label, e.g. hues) and the
-- worst of the other named colours (off_target_label, e.g. achromatic); degenerate runs marked.
SELECT arm, seed, run_id, intervention, concept_kind, concept_label, concept_color, concept_error, complement_color,
       complement_error, off_target_label, worst_off_target_color, worst_off_target_error, score, val_recon,
       degenerate, degenerate_reason
FROM run_errors
WHERE sweep_id = :sweep
ORDER BY arm, intervention, seed
