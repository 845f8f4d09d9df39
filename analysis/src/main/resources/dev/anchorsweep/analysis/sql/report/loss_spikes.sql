-- Every phase change of every ok run: the loss spike after it.
SELECT arm, seed, run_id, step, phase, phase_name, source, before_median, before_steps, after_max, peak_step,
       after_steps, spike
FROM loss_spikes
WHERE sweep_id = :sweep
ORDER BY arm, seed, step
