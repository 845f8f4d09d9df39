-- One row per arm: smooth vs stepped as numbers. Per ok run that is not degenerate (run_flags): its phase changes,
-- its largest spike (loss_spikes) and the mean of its phases' loss variances (phase_loss); per arm across its runs
-- (seeds): their count, and the median, quartiles (exact, linear interpolation), min and max of the largest spike and
-- of the mean within-phase variance.
WITH spikes AS (
  SELECT sweep_id, run_id, count(*) AS changes, max(spike) AS largest_spike
  FROM loss_spikes
  GROUP BY sweep_id, run_id
),
variances AS (
  SELECT sweep_id, run_id, avg(loss_variance) AS phase_variance
  FROM phase_loss
  GROUP BY sweep_id, run_id
),
per_run AS (
  SELECT f.sweep_id, f.arm, f.seed, f.run_id, coalesce(s.changes, 0) AS changes, s.largest_spike,
         v.phase_variance
  FROM run_flags f
  LEFT JOIN spikes s ON s.sweep_id = f.sweep_id AND s.run_id = f.run_id
  LEFT JOIN variances v ON v.sweep_id = f.sweep_id AND v.run_id = f.run_id
  WHERE NOT coalesce(f.degenerate, false)
)
SELECT sweep_id, arm,
       count(*)                                   AS runs,
       count(DISTINCT seed)                       AS seeds,
       percentile(changes, 0.5)                   AS phase_changes_median,
       count(largest_spike)                       AS runs_with_spike,
       percentile(largest_spike, 0.5)             AS largest_spike_median,
       percentile(largest_spike, 0.25)            AS largest_spike_q1,
       percentile(largest_spike, 0.75)            AS largest_spike_q3,
       min(largest_spike)                         AS largest_spike_min,
       max(largest_spike)                         AS largest_spike_max,
       percentile(phase_variance, 0.5)            AS phase_variance_median,
       percentile(phase_variance, 0.25)           AS phase_variance_q1,
       percentile(phase_variance, 0.75)           AS phase_variance_q3,
       min(phase_variance)                        AS phase_variance_min,
       max(phase_variance)                        AS phase_variance_max
FROM per_run
GROUP BY sweep_id, arm
