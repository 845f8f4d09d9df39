-- The ok runs whose latents were recorded at 3 or more steps (evaluation.latents.steps in runs.spec), whose latent
-- evolution the report can show, and those whose config names phases (training.phases), marked on their timelines:
-- grid axes, snapshot steps, latent set and named phases. Over the cached runs table only, so it is cheap; a paper
-- sweep (one snapshot, no phases) gives no row.
SELECT arm, seed, run_id, axes, steps, concept_direction, latent_set, snapshot_steps, phases
FROM (
  SELECT arm, seed, run_id, axes, steps, concept_direction,
         get_json_object(spec, '$.evaluation.latents.set')                                  AS latent_set,
         from_json(get_json_object(spec, '$.evaluation.latents.steps'), 'array<int>')         AS snapshot_steps,
         from_json(get_json_object(spec, '$.training.phases'), 'array<array<string>>')        AS phases
  FROM runs
  WHERE sweep_id = :sweep AND status = 'ok'
)
WHERE (size(snapshot_steps) >= 3 AND latent_set IS NOT NULL) OR size(phases) > 0
ORDER BY arm, seed
