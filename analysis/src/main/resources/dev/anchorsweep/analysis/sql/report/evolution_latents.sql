-- The latents of the given runs at the given snapshot steps (no intervention), in colour order: every stride-th colour
-- of the set (its colour_index a multiple of the stride) and the 8 corners of the RGB cube (pure red among them).
SELECT run_id, step, color_index, r, g, b, latent
FROM latents
WHERE sweep_id = :sweep AND run_id IN (${run_ids}) AND CAST(step AS STRING) IN (${steps})
  AND intervention = 'baseline'
  AND (pmod(color_index, CAST(${stride} AS INT)) = 0
       OR (r IN (0D, 1D) AND g IN (0D, 1D) AND b IN (0D, 1D)))
ORDER BY run_id, step, color_index
