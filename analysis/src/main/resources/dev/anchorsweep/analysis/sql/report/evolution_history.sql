-- Every scheduled property (lr and the history.weights map: regularizer weights, recon, data properties) and every
-- training loss term of the given runs at each logged step.
SELECT run_id, step, lr, weights, losses
FROM history
WHERE sweep_id = :sweep AND run_id IN (${run_ids})
ORDER BY run_id, step
