-- One row per ok run: whether it is degenerate — it trained to the end (status ok) but reconstructs so badly that its
-- interventions say nothing about its concept. A run is degenerate when its validation reconstruction error
-- (runs.val_recon) is
--   (a) above 0.08, within 10 % of the error of a model that always outputs mid-grey (the validation colours' mean,
--       the best constant output: 0.0888 = their variance), so it learned next to nothing (e.g. lr 10: every colour
--       decodes to grey, val recon 0.0889; or an explosion: 287), or not a number; or
--   (b) above 10 × the median val_recon of its arm's ok runs and above 0.01: it failed where its seeds did not.
-- A run without val_recon (not validated) is not flagged. run_errors marks degenerate runs; arm_summary leaves them out.
WITH ok AS (
  SELECT sweep_id, arm, seed, run_id, val_recon
  FROM runs
  WHERE status = 'ok'
),
arms AS (
  SELECT sweep_id, arm, percentile(val_recon, 0.5) AS arm_val_recon_median
  FROM ok
  GROUP BY sweep_id, arm
),
judged AS (
  SELECT o.sweep_id, o.arm, o.seed, o.run_id, o.val_recon, a.arm_val_recon_median,
         CASE WHEN o.val_recon IS NULL THEN NULL
              WHEN isnan(o.val_recon) OR o.val_recon > 0.08D THEN 'grey'
              WHEN o.val_recon > 10 * a.arm_val_recon_median AND o.val_recon > 0.01D THEN 'outlier'
         END AS rule
  FROM ok o
  JOIN arms a ON a.sweep_id = o.sweep_id AND a.arm = o.arm
)
SELECT sweep_id, arm, seed, run_id, val_recon, arm_val_recon_median,
       rule IS NOT NULL AS degenerate,
       CASE rule
         WHEN 'grey' THEN format_string('val recon %.3g > 0.08: no better than a constant mid-grey output (0.0888)',
                                        val_recon)
         WHEN 'outlier' THEN format_string('val recon %.3g > 10 × the arm median %.3g', val_recon, arm_val_recon_median)
       END AS degenerate_reason
FROM judged
