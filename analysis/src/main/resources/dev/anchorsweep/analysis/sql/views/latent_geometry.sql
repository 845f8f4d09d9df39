-- Where each ok run put its concept and the vibrant hues, from its final latents of the latent-cube (step = runs.steps,
-- baseline): red_cosine = cosine between the latent of pure red (1,0,0) and the run's concept direction
-- (runs.concept_direction); vibrant_plane_share = share of the squared norm of the vibrant hues (latent-cube colours
-- with max(r,g,b) − min(r,g,b) = 1) that lies in dims 0–1, the plane the ex-1.8 planarity term asks for; latent_norm =
-- mean latent norm (1 with a normalising bottleneck).
WITH final AS (
  SELECT l.sweep_id, l.run_id, l.r, l.g, l.b, l.latent, r.concept_direction
  FROM latents l
  JOIN runs r ON r.sweep_id = l.sweep_id AND r.run_id = l.run_id AND l.step = r.steps
  WHERE r.status = 'ok' AND l.intervention = 'baseline' AND l.color_set = 'latent-cube'
),
measured AS (
  SELECT sweep_id, run_id, r, g, b,
         aggregate(transform(latent, x -> x * x), 0D, (s, x) -> s + x)                              AS norm2,
         coalesce(pow(try_element_at(latent, 1), 2), 0D) + coalesce(pow(try_element_at(latent, 2), 2), 0D)                                           AS plane2,
         aggregate(zip_with(latent, concept_direction, (x, y) -> x * y), 0D, (s, x) -> s + x)
           / sqrt(aggregate(transform(concept_direction, x -> x * x), 0D, (s, x) -> s + x))        AS along_concept
  FROM final
)
SELECT r.sweep_id, r.arm, r.seed, r.run_id, r.regularizers, r.val_recon, r.scores,
       max(CASE WHEN m.r = 1 AND m.g = 0 AND m.b = 0 THEN m.along_concept / sqrt(m.norm2) END)            AS red_cosine,
       sum(CASE WHEN greatest(m.r, m.g, m.b) - least(m.r, m.g, m.b) > 0.999 THEN m.plane2 END)
         / sum(CASE WHEN greatest(m.r, m.g, m.b) - least(m.r, m.g, m.b) > 0.999 THEN m.norm2 END)         AS vibrant_plane_share,
       avg(sqrt(m.norm2))                                                                                AS latent_norm
FROM measured m
JOIN runs r ON r.sweep_id = m.sweep_id AND r.run_id = m.run_id
GROUP BY r.sweep_id, r.arm, r.seed, r.run_id, r.regularizers, r.val_recon, r.scores
