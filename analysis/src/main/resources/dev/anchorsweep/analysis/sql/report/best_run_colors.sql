-- The named colours of the best runs: true and reconstructed rgb, error, similarity (swatches).
SELECT arm, seed, run_id, intervention, color_index, color_name, r, g, b, out_r, out_g, out_b, error, similarity
FROM best_run_colors
WHERE sweep_id = :sweep
ORDER BY arm, CASE WHEN intervention = 'baseline' THEN 0 ELSE 1 END, intervention, color_index
