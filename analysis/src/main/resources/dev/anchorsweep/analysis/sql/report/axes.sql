-- The grid axes of the sweep (keys of runs.axes), with how many values each takes.
SELECT a.axis, count(DISTINCT a.value) AS values
FROM runs
LATERAL VIEW explode(axes) a AS axis, value
WHERE sweep_id = :sweep
GROUP BY a.axis
ORDER BY a.axis
