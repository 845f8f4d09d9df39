-- How much of the outcome's variance each sampled setting explains on its own, over the ok runs that are not
-- degenerate: the correlation ratio η² = Σ n_bin (mean_bin − mean)² / (n · variance), the share of the outcome's
-- variance that the outcome's mean per bin of the setting carries — an estimate of the setting's first-order Sobol
-- index. Bins: one per distinct value when the setting takes at most B values (choice, a narrow int-uniform), else B
-- bins of equal counts (ties stay in one bin), B = ⌊√n⌋ kept within 2..10. An η² of pure noise comes out near
-- (bins − 1)/(n − 1): noise_floor. correlation: Pearson's r of value and outcome (its sign: which way is better; null
-- when either is constant).
WITH s AS (
  SELECT setting, value, outcome
  FROM sampled_settings
  WHERE sweep_id = :sweep AND NOT degenerate AND outcome IS NOT NULL
),
sized AS (
  SELECT setting, value, outcome,
         count(*) OVER (PARTITION BY setting) AS n,
         least(10, greatest(2, CAST(floor(sqrt(count(*) OVER (PARTITION BY setting))) AS INT))) AS b,
         dense_rank() OVER (PARTITION BY setting ORDER BY value) AS value_rank,
         rank() OVER (PARTITION BY setting ORDER BY value) AS value_place
  FROM s
),
binned AS (
  SELECT setting, outcome, value, n,
         max(value_rank) OVER (PARTITION BY setting) AS distinct_values,
         CASE WHEN max(value_rank) OVER (PARTITION BY setting) <= b THEN value_rank - 1
              ELSE CAST(floor((value_place - 1) * b / n) AS INT) END AS bin
  FROM sized
),
bins AS (
  SELECT setting, bin, count(*) AS k, avg(outcome) AS mean
  FROM binned
  GROUP BY setting, bin
),
totals AS (
  SELECT setting, count(*) AS n, avg(outcome) AS mean, var_pop(outcome) AS variance,
         max(distinct_values) AS distinct_values,
         try_divide(covar_pop(value, outcome), stddev_pop(value) * stddev_pop(outcome)) AS correlation
  FROM binned
  GROUP BY setting
)
SELECT t.setting, t.n AS runs, count(*) AS bins, t.distinct_values,
       CASE WHEN t.variance > 0 THEN sum(b.k * pow(b.mean - t.mean, 2)) / (t.n * t.variance) END AS eta_squared,
       try_divide(count(*) - 1, t.n - 1) AS noise_floor,
       t.correlation
FROM totals t
JOIN bins b ON b.setting = t.setting
GROUP BY t.setting, t.n, t.mean, t.variance, t.distinct_values, t.correlation
ORDER BY eta_squared DESC NULLS LAST, t.setting
