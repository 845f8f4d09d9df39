-- One row per sweep and arm: what the stopping rules saved. A stopped run trained stopped_step updates of its steps,
-- every other run (ok or failed: a diverged run trains on) all of them; steps_saved = Σ (steps − stopped_step) over
-- the stopped runs; pct_saved = steps_saved as a percentage of the arm's planned steps (Σ steps).
SELECT sweep_id,
       arm,
       count(*)                                                 AS runs,
       count_if(status = 'stopped')                             AS stopped,
       sum(coalesce(stopped_step, steps))                       AS steps_trained,
       sum(steps - coalesce(stopped_step, steps))               AS steps_saved,
       round(100.0 * sum(steps - coalesce(stopped_step, steps)) / sum(steps), 1) AS pct_saved
FROM runs
GROUP BY sweep_id, arm
