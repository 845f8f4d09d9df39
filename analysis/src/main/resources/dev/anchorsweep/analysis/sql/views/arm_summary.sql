-- One row per arm and intervention, across the arm's ok runs (seeds): median, quartiles (exact, linear interpolation),
-- min and max of the concept colour's error, of its complement's (e.g. cyan), of the worst off-target error and of
-- the selectivity score; the off-target colour most often the worst; the baseline's validation reconstruction error
-- (runs.val_recon) and its worst named colour. For a concept without a single colour (concept_kind 'group', e.g.
-- vibrancy) concept_error is the per-run median error over its colours (run_errors), concept_label / off_target_label
-- name the two groups ('hues', 'achromatic') and the complement columns are null. Degenerate runs (run_flags) are left
-- out: runs counts the arm's ok runs that are not degenerate, and an arm whose ok runs are all degenerate has no row.
SELECT sweep_id, arm, intervention,
       count(*)                                  AS runs,
       first(concept_kind)                       AS concept_kind,
       first(concept_label)                      AS concept_label,
       first(concept_colors)                     AS concept_colors,
       first(off_target_label)                   AS off_target_label,
       first(off_target_colors)                  AS off_target_colors,
       first(concept_color)                      AS concept_color,
       percentile(concept_error, 0.5)            AS concept_error_median,
       percentile(concept_error, 0.25)           AS concept_error_q1,
       percentile(concept_error, 0.75)           AS concept_error_q3,
       min(concept_error)                        AS concept_error_min,
       max(concept_error)                        AS concept_error_max,
       first(complement_color)                   AS complement_color,
       percentile(complement_error, 0.5)         AS complement_error_median,
       percentile(complement_error, 0.25)        AS complement_error_q1,
       percentile(complement_error, 0.75)        AS complement_error_q3,
       min(complement_error)                     AS complement_error_min,
       max(complement_error)                     AS complement_error_max,
       mode(worst_off_target_color)              AS off_target_color,
       percentile(worst_off_target_error, 0.5)   AS off_target_error_median,
       percentile(worst_off_target_error, 0.25)  AS off_target_error_q1,
       percentile(worst_off_target_error, 0.75)  AS off_target_error_q3,
       min(worst_off_target_error)               AS off_target_error_min,
       max(worst_off_target_error)               AS off_target_error_max,
       percentile(score, 0.5)                    AS score_median,
       percentile(score, 0.25)                   AS score_q1,
       percentile(score, 0.75)                   AS score_q3,
       min(score)                                AS score_min,
       max(score)                                AS score_max,
       percentile(val_recon, 0.5)                AS baseline_recon_median,
       percentile(val_recon, 0.25)               AS baseline_recon_q1,
       percentile(val_recon, 0.75)               AS baseline_recon_q3,
       percentile(max_named_error, 0.5)          AS max_named_error_median,
       percentile(mean_off_target_error, 0.5)    AS mean_off_target_error_median,
       percentile(concept_min_error, 0.5)        AS concept_min_error_median
FROM run_errors
WHERE NOT degenerate
GROUP BY sweep_id, arm, intervention
