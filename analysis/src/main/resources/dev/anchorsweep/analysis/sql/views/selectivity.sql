-- The selectivity score (SCA-SPEC §6) recomputed with Spark SQL, per ok run and scored intervention: r² of the Pearson
-- correlation (corr) between per-colour error on the 8³ rgb-grid and similarity^power, power read from the run's
-- canonical spec (JSON: interventions.<name>.score.power; 2 for suppression and repulsion, 3 for ablation); next to the
-- score the worker stored in runs.scores.
-- Needs the rgb-grid colour set among the run's evaluation sets; vibrancy-scored interventions are left out.
WITH powers AS (
  SELECT r.sweep_id, r.run_id, r.arm, r.seed, s.intervention, s.stored_score,
         CASE WHEN get_json_object(r.spec, concat('$.interventions.', s.intervention, '.score.against')) <> 'vibrancy'
              THEN try_cast(get_json_object(r.spec, concat('$.interventions.', s.intervention, '.score.power')) AS DOUBLE)
         END AS power
  FROM runs r
  LATERAL VIEW explode(r.scores) s AS intervention, stored_score
  WHERE r.status = 'ok'
)
SELECT p.sweep_id, p.arm, p.seed, p.run_id, p.intervention, p.power,
       pow(corr(e.error, pow(e.similarity, p.power)), 2) AS sql_score,
       p.stored_score,
       count(*) AS colors
FROM powers p
JOIN evaluations e ON e.sweep_id = p.sweep_id AND e.run_id = p.run_id AND e.intervention = p.intervention
WHERE e.color_set = 'rgb-grid' AND p.power IS NOT NULL
GROUP BY p.sweep_id, p.arm, p.seed, p.run_id, p.intervention, p.power, p.stored_score
