-- Variance of every latent dim over the final latents of the given runs (chooses the scatter plots' projections).
SELECT l.run_id, d.dim, var_pop(d.value) AS variance
FROM latents l
JOIN runs r ON r.sweep_id = l.sweep_id AND r.run_id = l.run_id AND l.step = r.steps
LATERAL VIEW posexplode(l.latent) d AS dim, value
WHERE l.sweep_id = :sweep AND l.run_id IN (${run_ids}) AND l.intervention = 'baseline'
GROUP BY l.run_id, d.dim
ORDER BY l.run_id, d.dim
