-- Compute the stopping rules saved, per arm (the stopping_summary view).
SELECT arm, runs, stopped, steps_trained, steps_saved, pct_saved
FROM stopping_summary
WHERE sweep_id = :sweep
ORDER BY arm
