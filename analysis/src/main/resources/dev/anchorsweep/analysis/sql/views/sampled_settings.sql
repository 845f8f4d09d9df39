-- Sampled sweeps (a samples section): one row per ok run and sampled setting. value: what the run drew
-- (runs.axes['sample.<setting>']); outcome: the run's selection score (runs.selection_score, the selectivity r² of its
-- selection intervention; higher is better); degenerate: run_flags' verdict, so that a query can leave those out.
-- A sweep without samples has no rows.
SELECT r.sweep_id, r.arm, r.seed, r.run_id, CAST(r.axes['sample'] AS INT) AS sample,
       substring(a.key, 8) AS setting, CAST(a.value AS DOUBLE) AS value,
       r.selection_intervention, r.selection_score AS outcome, f.degenerate
FROM runs r
JOIN run_flags f ON f.sweep_id = r.sweep_id AND f.run_id = r.run_id
LATERAL VIEW explode(r.axes) a AS key, value
WHERE r.status = 'ok' AND a.key LIKE 'sample.%'
