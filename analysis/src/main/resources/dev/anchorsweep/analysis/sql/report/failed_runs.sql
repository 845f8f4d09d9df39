-- Failed runs and why.
SELECT arm, seed, run_id, failed_step, error
FROM runs
WHERE sweep_id = :sweep AND status = 'failed'
ORDER BY arm, seed
