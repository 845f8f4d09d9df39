-- Every validation metric of the given runs at the validated steps.
SELECT h.run_id, v.metric, h.step, v.value
FROM history h
LATERAL VIEW explode(h.validation) v AS metric, value
WHERE h.sweep_id = :sweep AND h.run_id IN (${run_ids})
ORDER BY h.run_id, v.metric, h.step
