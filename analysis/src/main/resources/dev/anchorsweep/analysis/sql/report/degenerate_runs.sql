-- Degenerate runs (run_flags): ok runs whose validation reconstruction error is no better than a constant grey output
-- or far above their arm's median, and why; they are left out of arm_summary.
SELECT arm, seed, run_id, val_recon, arm_val_recon_median, degenerate_reason
FROM run_flags
WHERE sweep_id = :sweep AND degenerate
ORDER BY arm, seed
