-- Training time of the whole sweep: total, and median / max per run.
SELECT count(*) AS runs, sum(train_seconds) AS train_seconds_total, median(train_seconds) AS train_seconds_median,
       max(train_seconds) AS train_seconds_max, sum(eval_seconds) AS eval_seconds_total
FROM runs
WHERE sweep_id = :sweep
