-- Best-run selection (SCA-SPEC §6), one row per ok run: a run is on the Pareto front of its arm unless another ok run
-- of the arm is at least as good on every selection metric (runs.selection_metrics, minimised: e.g. validation recon
-- and anchor loss) and on the selection score (runs.selection_score, maximised), and strictly better on one of them.
-- selection_rank orders the front by score (highest first), then validation recon, then seed; rank 1 is best_runs.
WITH candidates AS (
  SELECT sweep_id, arm, seed, run_id, selection_intervention, selection_score, selection_metrics, val_recon,
         coalesce(selection_score, 0D) AS score
  FROM runs
  WHERE status = 'ok'
),
dominated AS (
  SELECT DISTINCT a.sweep_id, a.run_id
  FROM candidates a
  JOIN candidates b ON a.sweep_id = b.sweep_id AND a.arm = b.arm AND a.run_id <> b.run_id
  WHERE b.score >= a.score
    AND forall(map_keys(a.selection_metrics), k -> b.selection_metrics[k] <= a.selection_metrics[k])
    AND (b.score > a.score OR exists(map_keys(a.selection_metrics), k -> b.selection_metrics[k] < a.selection_metrics[k]))
),
flagged AS (
  SELECT c.*, d.run_id IS NULL AS on_front
  FROM candidates c
  LEFT JOIN dominated d ON d.sweep_id = c.sweep_id AND d.run_id = c.run_id
)
SELECT sweep_id, arm, seed, run_id, selection_intervention, selection_score, selection_metrics, val_recon, on_front,
       CASE WHEN on_front THEN row_number() OVER (PARTITION BY sweep_id, arm, on_front
                                                  ORDER BY score DESC, val_recon ASC, seed ASC) END AS selection_rank,
       count_if(on_front) OVER (PARTITION BY sweep_id, arm) AS front_size,
       count(*) OVER (PARTITION BY sweep_id, arm)           AS candidates
FROM flagged
