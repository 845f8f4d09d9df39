-- Every training loss term of the given runs over the logged steps (batch values), with a centred rolling mean over
-- 11 logged steps: labelled terms are 0 in batches without labels, so their raw values are spiky.
WITH terms AS (
  SELECT h.run_id, h.step, t.term, t.value
  FROM history h
  LATERAL VIEW explode(h.losses) t AS term, value
  WHERE h.sweep_id = :sweep AND h.run_id IN (${run_ids})
)
SELECT run_id, term, step, value,
       avg(value) OVER (PARTITION BY run_id, term ORDER BY step ROWS BETWEEN 5 PRECEDING AND 5 FOLLOWING) AS smoothed
FROM terms
ORDER BY run_id, term, step
