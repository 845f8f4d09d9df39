-- The selectivity score recomputed with Spark SQL's corr() on the rgb-grid against runs.scores, per arm and
-- intervention: the largest difference over the arm's runs.
SELECT arm, intervention, first(power) AS power, count(*) AS runs, first(colors) AS colors,
       median(sql_score) AS sql_score_median, median(stored_score) AS stored_score_median,
       max(abs(sql_score - stored_score)) AS max_abs_difference
FROM selectivity
WHERE sweep_id = :sweep
GROUP BY arm, intervention
ORDER BY arm, intervention
