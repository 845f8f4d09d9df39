-- The learning rate and every regularizer weight of the given runs over the logged steps.
SELECT run_id, step, 'lr' AS name, lr AS value
FROM history
WHERE sweep_id = :sweep AND run_id IN (${run_ids})
UNION ALL
SELECT h.run_id, h.step, w.name, w.value
FROM history h
LATERAL VIEW explode(h.weights) w AS name, value
WHERE h.sweep_id = :sweep AND h.run_id IN (${run_ids})
ORDER BY run_id, name, step
