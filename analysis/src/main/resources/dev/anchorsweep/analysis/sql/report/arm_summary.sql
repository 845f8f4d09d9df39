-- Per arm and intervention across seeds: medians and quartiles of the concept's error, its complement's, the worst
-- off-target error and the selectivity score; the baseline's validation reconstruction error.
SELECT *
FROM arm_summary
WHERE sweep_id = :sweep
ORDER BY arm, CASE WHEN intervention = 'baseline' THEN 0 ELSE 1 END, intervention
