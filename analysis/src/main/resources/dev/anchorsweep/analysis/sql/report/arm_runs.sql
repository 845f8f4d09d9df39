-- Runs ok / failed / stopped, degenerate ok runs (run_flags) and training time per arm.
SELECT arm, runs, ok, failed, stopped, degenerate, seeds, train_seconds_total, train_seconds_median, eval_seconds_total, steps, latent_dim,
       layers, selection_intervention
FROM arm_runs
WHERE sweep_id = :sweep
ORDER BY arm
