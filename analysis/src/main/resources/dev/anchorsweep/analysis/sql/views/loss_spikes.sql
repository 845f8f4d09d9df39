-- One row per ok run × phase change (every run_phases start after step 0): how far the training loss
-- (history.losses['total'], batch values) jumps when the phase changes. spike = the largest loss at a logged step in
-- [step, step + 100) over the median loss at the logged steps in [step − 100, step), both windows clipped to the
-- phases on either side of the change (after: up to the next change; before: from the previous one). A spike of 1 is
-- no jump; null where the window before holds no loss or its median is not above 0. peak_step: where the largest
-- loss after the change is.
WITH changes AS (
  SELECT sweep_id, arm, seed, run_id, phase, name, start_step AS step, end_step, source,
         lag(start_step) OVER (PARTITION BY sweep_id, run_id ORDER BY start_step) AS previous_start
  FROM run_phases
),
total AS (
  SELECT sweep_id, run_id, step, losses['total'] AS loss
  FROM history
  WHERE losses['total'] IS NOT NULL
),
windows AS (
  SELECT c.sweep_id, c.arm, c.seed, c.run_id, c.phase, c.name, c.step, c.source,
         percentile(CASE WHEN t.step >= greatest(c.step - 100, c.previous_start) AND t.step < c.step
                         THEN t.loss END, 0.5)                                                   AS before_median,
         count(CASE WHEN t.step >= greatest(c.step - 100, c.previous_start) AND t.step < c.step
                    THEN t.loss END)                                                             AS before_steps,
         max(CASE WHEN t.step >= c.step AND t.step < least(c.step + 100, c.end_step) THEN t.loss END) AS after_max,
         max_by(t.step, CASE WHEN t.step >= c.step AND t.step < least(c.step + 100, c.end_step)
                             THEN t.loss END)                                                    AS peak_step,
         count(CASE WHEN t.step >= c.step AND t.step < least(c.step + 100, c.end_step)
                    THEN t.loss END)                                                             AS after_steps
  FROM changes c
  LEFT JOIN total t ON t.sweep_id = c.sweep_id AND t.run_id = c.run_id
                   AND t.step >= c.step - 100 AND t.step < c.step + 100
  WHERE c.step > 0
  GROUP BY c.sweep_id, c.arm, c.seed, c.run_id, c.phase, c.name, c.step, c.source
)
SELECT sweep_id, arm, seed, run_id, step, phase, name AS phase_name, source, before_median, before_steps, after_max,
       CASE WHEN after_steps > 0 THEN peak_step END AS peak_step, after_steps,
       CASE WHEN before_median > 0 THEN after_max / before_median END AS spike
FROM windows
