-- One row per sweep and arm: runs ok / stopped (by a stopping rule) / failed, how many of the ok runs are degenerate (run_flags), and training time
-- (seconds of wall time; a run's share of its pack's).
SELECT r.sweep_id,
       r.arm,
       count(*)                                   AS runs,
       count_if(status = 'ok')                    AS ok,
       count_if(status = 'failed')                AS failed,
       count_if(status = 'stopped')               AS stopped,
       count_if(f.degenerate)                     AS degenerate,
       count(DISTINCT r.seed)                     AS seeds,
       sum(train_seconds)                         AS train_seconds_total,
       median(train_seconds)                      AS train_seconds_median,
       sum(eval_seconds)                          AS eval_seconds_total,
       first(steps)                               AS steps,
       first(latent_dim)                          AS latent_dim,
       first(layers)                              AS layers,
       first(selection_intervention, true)        AS selection_intervention
FROM runs r
LEFT JOIN run_flags f ON f.sweep_id = r.sweep_id AND f.run_id = r.run_id
GROUP BY r.sweep_id, r.arm
