-- The named colours of every best run under baseline and each intervention: true rgb, reconstructed rgb (clamped),
-- error and similarity to the concept colour (the paper-style per-colour table and the swatches).
SELECT b.sweep_id, b.arm, b.seed, b.run_id, e.intervention, e.color_index, e.color_name,
       e.r, e.g, e.b, e.out_r, e.out_g, e.out_b, e.error, e.similarity
FROM best_runs b
JOIN evaluations e ON e.sweep_id = b.sweep_id AND e.run_id = b.run_id
WHERE e.color_set = 'named'
