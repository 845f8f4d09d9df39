-- The sweeps in the folder (from runs, so a sweep whose sweeps row is missing still shows).
SELECT sweep_id, count(*) AS runs FROM runs GROUP BY sweep_id ORDER BY sweep_id
