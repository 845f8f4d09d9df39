-- The paper-style table of each best run: named colours × (baseline and each intervention), per-colour error.
SELECT *
FROM (
  SELECT arm, seed, color_index, color_name, similarity, intervention, error
  FROM best_run_colors
  WHERE sweep_id = :sweep
)
PIVOT (first(error) FOR intervention IN (${interventions}))
ORDER BY arm, color_index
