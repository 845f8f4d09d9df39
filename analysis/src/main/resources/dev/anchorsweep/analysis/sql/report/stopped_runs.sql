-- Runs a stopping rule stopped: where and by which rule.
SELECT arm, seed, run_id, stopped_step, steps, stop_rule, val_recon
FROM runs
WHERE sweep_id = :sweep AND status = 'stopped'
ORDER BY arm, seed
