-- The sweep: name, resolved config, when it ran, run counts and where.
SELECT sweep_id, name, config, config_file, created_at, finished_at,
       (unix_millis(finished_at) - unix_millis(created_at)) / 1000.0 AS wall_seconds,
       runs_total, runs_ok, runs_failed, master, code_version
FROM sweeps
WHERE sweep_id = :sweep
