-- One row per ok run and intervention (baseline included), from its named colours (evaluations, color_set 'named'):
--   concept colour    = the named colour most similar to the run's concept colour (similarity 1, e.g. red);
--   complement colour = the fully saturated named colour opposite the concept colour's hue (e.g. cyan for red);
--   off-target        = the named colours with similarity 0 (hue 90° or more away, and the greys);
--   worst off-target  = the off-target colour with the largest error;
--   score             = the intervention's selectivity score r² (runs.scores; null for baseline).
WITH named AS (
  SELECT sweep_id, run_id, intervention, color_name, h, s, v, error, similarity
  FROM evaluations
  WHERE color_set = 'named' AND similarity IS NOT NULL
),
concept AS (
  SELECT sweep_id, run_id, intervention,
         max_by(color_name, similarity) AS concept_color,
         max_by(error, similarity)      AS concept_error,
         max_by(h, similarity)          AS concept_hue,
         avg(error)                     AS mean_error,
         max(error)                     AS max_error
  FROM named
  GROUP BY sweep_id, run_id, intervention
),
complement AS (
  SELECT n.sweep_id, n.run_id, n.intervention,
         max_by(n.color_name, least(abs(n.h - c.concept_hue), 1 - abs(n.h - c.concept_hue))) AS complement_color,
         max_by(n.error, least(abs(n.h - c.concept_hue), 1 - abs(n.h - c.concept_hue)))      AS complement_error
  FROM named n
  JOIN concept c ON c.sweep_id = n.sweep_id AND c.run_id = n.run_id AND c.intervention = n.intervention
  WHERE n.s = 1 AND n.v = 1
  GROUP BY n.sweep_id, n.run_id, n.intervention
),
off_target AS (
  SELECT sweep_id, run_id, intervention,
         max_by(color_name, error) AS worst_off_target_color,
         max(error)                AS worst_off_target_error,
         avg(error)                AS mean_off_target_error,
         count(*)                  AS off_target_colors
  FROM named
  WHERE similarity < 1e-12
  GROUP BY sweep_id, run_id, intervention
)
SELECT r.sweep_id, r.arm, r.seed, r.run_id, c.intervention,
       c.concept_color, c.concept_error,
       k.complement_color, k.complement_error,
       o.worst_off_target_color, o.worst_off_target_error, o.mean_off_target_error, o.off_target_colors,
       c.mean_error AS mean_named_error, c.max_error AS max_named_error,
       r.scores[c.intervention] AS score,
       r.val_recon
FROM runs r
JOIN concept c ON c.sweep_id = r.sweep_id AND c.run_id = r.run_id
LEFT JOIN complement k ON k.sweep_id = r.sweep_id AND k.run_id = r.run_id AND k.intervention = c.intervention
LEFT JOIN off_target o ON o.sweep_id = r.sweep_id AND o.run_id = r.run_id AND o.intervention = c.intervention
WHERE r.status = 'ok'
