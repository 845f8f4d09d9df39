-- One row per sweep and arm: runs ok / failed and training time (seconds of wall time; a run's share of its pack's).
SELECT sweep_id,
       arm,
       count(*)                                   AS runs,
       count_if(status = 'ok')                    AS ok,
       count_if(status = 'failed')                AS failed,
       count(DISTINCT seed)                       AS seeds,
       sum(train_seconds)                         AS train_seconds_total,
       median(train_seconds)                      AS train_seconds_median,
       sum(eval_seconds)                          AS eval_seconds_total,
       first(steps)                               AS steps,
       first(latent_dim)                          AS latent_dim,
       first(layers)                              AS layers,
       first(selection_intervention, true)        AS selection_intervention
FROM runs
GROUP BY sweep_id, arm
