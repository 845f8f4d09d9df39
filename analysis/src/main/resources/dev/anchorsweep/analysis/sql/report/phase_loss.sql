-- Every phase of every ok run: mean and variance of the training loss from 100 steps after its start to its end.
SELECT arm, seed, run_id, phase, phase_name, start_step, end_step, source, steps, loss_mean, loss_variance
FROM phase_loss
WHERE sweep_id = :sweep
ORDER BY arm, seed, phase
