-- Whether the sweep's ok runs can have phase changes, from runs alone (cheap): runs that name phases
-- (training.phases in runs.spec) and runs with a step-interpolated schedule (a jump). The loss-spike views run only when
-- either count is above 0; a sweep of smooth schedules only is left out without reading its history.
SELECT count_if(get_json_object(spec, '$.training.phases') IS NOT NULL)   AS named,
       count_if(spec LIKE '%"interpolation":"step"%')                     AS stepped
FROM runs
WHERE sweep_id = :sweep AND status = 'ok'
