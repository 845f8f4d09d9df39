-- One row per ok run × phase of its training. A run's phases start at the steps its config names
-- (runs.spec $.training.phases = [[step, "name"], …], e.g. from a dopesheet's PHASE column); a run whose config names
-- none has its phases cut where a scheduled value jumps: at a logged step t where lr or a history.weights entry
-- (regularizer weights, recon, data properties) changed since the previous logged step by more than 50 % of the
-- previous value and by at least 30 % of that property's range over the run (the second condition keeps the start of
-- a smooth ramp from 0, a large relative change of a tiny value, from counting). Step 0 always starts a phase;
-- end_step is the next phase's start_step, or runs.steps. source: 'config' or 'schedule jumps'.
WITH ok AS (
  SELECT sweep_id, arm, seed, run_id, steps,
         from_json(get_json_object(spec, '$.training.phases'), 'array<array<string>>') AS phases
  FROM runs
  WHERE status = 'ok'
),
named AS (
  SELECT o.sweep_id, o.run_id, CAST(p[0] AS INT) AS step, p[1] AS name
  FROM ok o
  LATERAL VIEW explode(o.phases) x AS p
),
scheduled AS (
  SELECT h.sweep_id, h.run_id, h.step, 'lr' AS property, h.lr AS value
  FROM history h
  JOIN ok o ON o.sweep_id = h.sweep_id AND o.run_id = h.run_id
  WHERE o.phases IS NULL
  UNION ALL
  SELECT h.sweep_id, h.run_id, h.step, w.property, w.value
  FROM history h
  JOIN ok o ON o.sweep_id = h.sweep_id AND o.run_id = h.run_id
  LATERAL VIEW explode(h.weights) w AS property, value
  WHERE o.phases IS NULL
),
changes AS (
  SELECT sweep_id, run_id, step, value,
         lag(value) OVER (PARTITION BY sweep_id, run_id, property ORDER BY step)                   AS previous,
         max(value) OVER (PARTITION BY sweep_id, run_id, property)
           - min(value) OVER (PARTITION BY sweep_id, run_id, property)                             AS span
  FROM scheduled
),
jumps AS (
  SELECT DISTINCT sweep_id, run_id, step
  FROM changes
  WHERE previous IS NOT NULL AND span > 0
    AND abs(value - previous) > 0.5D * abs(previous) AND abs(value - previous) >= 0.3D * span
),
starts AS (
  SELECT sweep_id, run_id, step, name, 'config' AS source FROM named
  UNION ALL
  SELECT sweep_id, run_id, step, CAST(NULL AS STRING) AS name, 'schedule jumps' AS source FROM jumps
  UNION ALL
  SELECT sweep_id, run_id, 0 AS step, CAST(NULL AS STRING) AS name,
         CASE WHEN phases IS NULL THEN 'schedule jumps' ELSE 'config' END AS source
  FROM ok
  WHERE phases IS NULL OR NOT exists(phases, p -> CAST(p[0] AS INT) = 0)
)
SELECT o.sweep_id, o.arm, o.seed, o.run_id,
       CAST(row_number() OVER (PARTITION BY s.sweep_id, s.run_id ORDER BY s.step) AS INT)         AS phase,
       coalesce(s.name, CASE WHEN s.step = 0 THEN 'start' ELSE concat('from step ', s.step) END) AS name,
       s.step                                                                                     AS start_step,
       coalesce(lead(s.step) OVER (PARTITION BY s.sweep_id, s.run_id ORDER BY s.step), o.steps)   AS end_step,
       s.source
FROM starts s
JOIN ok o ON o.sweep_id = s.sweep_id AND o.run_id = s.run_id
WHERE s.step >= 0 AND s.step < o.steps
