-- The final latents of the given runs (step = runs.steps, no intervention): true colour and latent vector.
SELECT l.run_id, l.color_set, l.r, l.g, l.b, l.latent
FROM latents l
JOIN runs r ON r.sweep_id = l.sweep_id AND r.run_id = l.run_id AND l.step = r.steps
WHERE l.sweep_id = :sweep AND l.run_id IN (${run_ids}) AND l.intervention = 'baseline'
