-- Error against hue for the given runs: the 72-hue ring (s = v = 1) when evaluated, else the fully saturated
-- colours of hue-slice (12 hues).
WITH rings AS (
  SELECT DISTINCT run_id
  FROM evaluations
  WHERE sweep_id = :sweep AND run_id IN (${run_ids}) AND color_set = 'hue-ring'
)
SELECT e.run_id, e.intervention, e.color_set, e.h * 360 AS hue_degrees, e.error
FROM evaluations e
LEFT JOIN rings k ON k.run_id = e.run_id
WHERE e.sweep_id = :sweep AND e.run_id IN (${run_ids})
  AND ((k.run_id IS NOT NULL AND e.color_set = 'hue-ring')
       OR (k.run_id IS NULL AND e.color_set = 'hue-slice' AND e.s = 1 AND e.v = 1))
ORDER BY e.run_id, e.intervention, hue_degrees
