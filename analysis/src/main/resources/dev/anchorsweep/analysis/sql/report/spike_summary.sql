-- Per arm across seeds: the largest loss spike at a phase change and the mean within-phase loss variance (median,
-- quartiles, min, max).
SELECT arm, runs, seeds, phase_changes_median, runs_with_spike,
       largest_spike_median, largest_spike_q1, largest_spike_q3, largest_spike_min, largest_spike_max,
       phase_variance_median, phase_variance_q1, phase_variance_q3, phase_variance_min, phase_variance_max
FROM spike_summary
WHERE sweep_id = :sweep
ORDER BY arm
