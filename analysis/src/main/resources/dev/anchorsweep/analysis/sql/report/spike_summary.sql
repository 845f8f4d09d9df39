-- Per arm across seeds: the largest loss spike at a phase change and the mean within-phase loss variance (median,
-- quartiles, min, max).
SELECT *
FROM spike_summary
WHERE sweep_id = :sweep
ORDER BY arm
