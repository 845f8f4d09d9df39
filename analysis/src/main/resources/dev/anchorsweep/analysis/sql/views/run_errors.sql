-- One row per ok run and intervention (baseline included), from its named colours (evaluations, color_set 'named').
-- A run's concept is either one colour or a group of colours (concept_kind):
--   'color': the run's rows carry a similarity to a concept colour (primary(red|green|blue) concepts, or an
--     intervention scored against a colour):
--     concept colour    = the named colour most similar to it (similarity 1, e.g. red); concept_error = its error;
--     complement colour = the fully saturated named colour opposite the concept colour's hue (e.g. cyan for red);
--     off-target        = the named colours with similarity 0 (hue 90° or more away, and the greys);
--   'group': a concept without a single colour (label vibrancy or desaturation; the run's first concept): its
--     label measure over the named colours (vibrancy = max(r,g,b) − min(r,g,b), desaturation = 1 − vibrancy) is 1 on
--     the concept's colours and 0 on the off-target ones — vibrancy: the 12 hues vs black, the greys and white;
--     desaturation the other way round. concept_color and the complement are null; concept_error = the MEDIAN error
--     over the concept's colours (exact, linear interpolation: the mean of the 6th and 7th of 12);
--     concept_label / off_target_label = 'hues' (all fully saturated) or 'achromatic' (all grey), else their names.
--   worst off-target  = the off-target colour with the largest error; mean_off_target_error their mean;
--   concept_min_color / concept_min_error = the concept colour with the smallest error (the least removed);
--   score             = the intervention's selectivity score r² (runs.scores; null for baseline);
--   degenerate, degenerate_reason: from run_flags (degenerate runs stay here, marked; arm_summary leaves them out).
WITH named AS (
  SELECT sweep_id, run_id, intervention, color_name, h, s, v, error, similarity,
         greatest(r, g, b) - least(r, g, b) AS chroma
  FROM evaluations
  WHERE color_set = 'named'
),
concept AS (
  SELECT sweep_id, run_id, intervention,
         max_by(color_name, similarity) AS concept_color,
         max_by(error, similarity)      AS concept_error,
         max_by(h, similarity)          AS concept_hue,
         avg(error)                     AS mean_error,
         max(error)                     AS max_error
  FROM named
  WHERE similarity IS NOT NULL
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
),
colored AS (
  SELECT c.sweep_id, c.run_id, c.intervention, 'color' AS concept_kind, CAST(NULL AS STRING) AS concept_measure,
         c.concept_color, c.concept_color AS concept_label, 1L AS concept_colors, c.concept_error,
         c.concept_color AS concept_min_color, c.concept_error AS concept_min_error,
         CAST(NULL AS STRING) AS off_target_label,
         o.worst_off_target_color, o.worst_off_target_error, o.mean_off_target_error, o.off_target_colors,
         c.mean_error, c.max_error
  FROM concept c
  LEFT JOIN off_target o ON o.sweep_id = c.sweep_id AND o.run_id = c.run_id AND o.intervention = c.intervention
),
group_measure AS (
  -- the run's concept is its first in config order: the spec's `concept-order` when the config does not list its
  -- concepts by name, else the first key of `concepts` (README, Run ids)
  SELECT sweep_id, run_id,
         get_json_object(spec, concat('$.concepts[\'', coalesce(get_json_object(spec, '$[\'concept-order\'][0]'),
                                                              get(json_object_keys(get_json_object(spec, '$.concepts')), 0)),
                                      '\'].label')) AS measure
  FROM runs
  WHERE status = 'ok'
),
graded AS (
  SELECT n.sweep_id, n.run_id, n.intervention, n.color_name, n.error, n.chroma, m.measure,
         CASE m.measure WHEN 'vibrancy' THEN n.chroma ELSE 1 - n.chroma END AS degree
  FROM named n
  JOIN group_measure m ON m.sweep_id = n.sweep_id AND m.run_id = n.run_id
  WHERE n.similarity IS NULL AND m.measure IN ('vibrancy', 'desaturation')
),
grouped AS (
  SELECT sweep_id, run_id, intervention, 'group' AS concept_kind, first(measure) AS concept_measure,
         CAST(NULL AS STRING) AS concept_color,
         CASE WHEN bool_and(chroma > 1 - 1e-9) FILTER (WHERE degree > 1 - 1e-9) THEN 'hues'
              WHEN bool_and(chroma < 1e-9) FILTER (WHERE degree > 1 - 1e-9) THEN 'achromatic'
              ELSE array_join(collect_list(color_name) FILTER (WHERE degree > 1 - 1e-9), ', ') END AS concept_label,
         count_if(degree > 1 - 1e-9)                                      AS concept_colors,
         percentile(error, 0.5) FILTER (WHERE degree > 1 - 1e-9)          AS concept_error,
         min_by(color_name, error) FILTER (WHERE degree > 1 - 1e-9)       AS concept_min_color,
         min(error) FILTER (WHERE degree > 1 - 1e-9)                      AS concept_min_error,
         CASE WHEN bool_and(chroma > 1 - 1e-9) FILTER (WHERE degree < 1e-9) THEN 'hues'
              WHEN bool_and(chroma < 1e-9) FILTER (WHERE degree < 1e-9) THEN 'achromatic'
              ELSE array_join(collect_list(color_name) FILTER (WHERE degree < 1e-9), ', ') END AS off_target_label,
         max_by(color_name, error) FILTER (WHERE degree < 1e-9)           AS worst_off_target_color,
         max(error) FILTER (WHERE degree < 1e-9)                          AS worst_off_target_error,
         avg(error) FILTER (WHERE degree < 1e-9)                          AS mean_off_target_error,
         count_if(degree < 1e-9)                                          AS off_target_colors,
         avg(error)                                                       AS mean_error,
         max(error)                                                       AS max_error
  FROM graded
  GROUP BY sweep_id, run_id, intervention
),
concepts AS (
  SELECT * FROM colored
  UNION ALL
  SELECT * FROM grouped
)
SELECT r.sweep_id, r.arm, r.seed, r.run_id, c.intervention,
       c.concept_color, c.concept_error,
       k.complement_color, k.complement_error,
       c.worst_off_target_color, c.worst_off_target_error, c.mean_off_target_error, c.off_target_colors,
       c.mean_error AS mean_named_error, c.max_error AS max_named_error,
       r.scores[c.intervention] AS score,
       r.val_recon,
       c.concept_kind, c.concept_measure, c.concept_label, c.concept_colors, c.concept_min_color, c.concept_min_error,
       c.off_target_label,
       coalesce(f.degenerate, false) AS degenerate, f.degenerate_reason
FROM runs r
JOIN concepts c ON c.sweep_id = r.sweep_id AND c.run_id = r.run_id
LEFT JOIN complement k ON k.sweep_id = r.sweep_id AND k.run_id = r.run_id AND k.intervention = c.intervention
LEFT JOIN run_flags f ON f.sweep_id = r.sweep_id AND f.run_id = r.run_id
WHERE r.status = 'ok'
