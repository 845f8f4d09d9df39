-- Sampled settings: every ok run's drawn value of each sampled setting and its outcome (the selection score).
SELECT setting, sample, seed, run_id, value, outcome, degenerate, selection_intervention
FROM sampled_settings
WHERE sweep_id = :sweep
ORDER BY setting, sample, seed
