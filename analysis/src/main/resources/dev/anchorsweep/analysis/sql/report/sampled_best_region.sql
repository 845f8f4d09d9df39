-- The best region of a sampled sweep: the top 10 % of its ok, not degenerate runs by outcome (at least one; ties by
-- run_id), and per sampled setting the range and median of their values against the range over all those runs.
WITH s AS (
  SELECT run_id, setting, value, outcome
  FROM sampled_settings
  WHERE sweep_id = :sweep AND NOT degenerate AND outcome IS NOT NULL
),
ranked AS (  -- one partition for all runs of the sweep (the constant `whole`: a window without one makes Spark warn)
  SELECT run_id, outcome, row_number() OVER (PARTITION BY whole ORDER BY outcome DESC, run_id) AS place,
         count(*) OVER (PARTITION BY whole) AS n
  FROM (SELECT DISTINCT run_id, outcome, 1 AS whole FROM s)
),
top AS (
  SELECT run_id, outcome FROM ranked WHERE place <= greatest(1, CAST(ceil(0.1 * n) AS INT))
)
SELECT s.setting,
       count(t.run_id) AS top_runs,
       max(r.n) AS runs,
       min(t.outcome) AS top_outcome_min,
       min(CASE WHEN t.run_id IS NOT NULL THEN s.value END) AS top_min,
       percentile(CASE WHEN t.run_id IS NOT NULL THEN s.value END, 0.5) AS top_median,
       max(CASE WHEN t.run_id IS NOT NULL THEN s.value END) AS top_max,
       min(s.value) AS all_min,
       max(s.value) AS all_max
FROM s
JOIN ranked r ON r.run_id = s.run_id
LEFT JOIN top t ON t.run_id = s.run_id
GROUP BY s.setting
ORDER BY s.setting
