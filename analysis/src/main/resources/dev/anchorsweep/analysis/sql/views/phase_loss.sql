-- One row per ok run × phase (run_phases): the training loss (history.losses['total']) within the phase, from its
-- start + 100 steps (past the spike of its change) to its end: logged steps, mean and population variance
-- (null for fewer than 2 logged steps, e.g. a phase shorter than 100 steps).
WITH total AS (
  SELECT sweep_id, run_id, step, losses['total'] AS loss
  FROM history
  WHERE losses['total'] IS NOT NULL
)
SELECT p.sweep_id, p.arm, p.seed, p.run_id, p.phase, p.name AS phase_name, p.start_step, p.end_step, p.source,
       count(t.loss)                                             AS steps,
       avg(t.loss)                                               AS loss_mean,
       CASE WHEN count(t.loss) >= 2 THEN var_pop(t.loss) END     AS loss_variance
FROM run_phases p
LEFT JOIN total t ON t.sweep_id = p.sweep_id AND t.run_id = p.run_id
                 AND t.step >= p.start_step + 100 AND t.step < p.end_step
GROUP BY p.sweep_id, p.arm, p.seed, p.run_id, p.phase, p.name, p.start_step, p.end_step, p.source
