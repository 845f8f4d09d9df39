package dev.anchorsweep.run;

import dev.anchorsweep.identity.Canonical;
import dev.anchorsweep.schedule.KeyframeSchedule;

import java.util.List;
import java.util.Map;

/**
 * The training settings that runs of one pack share (with the architecture): runs whose settings differ here go to
 * different packs.
 *
 * @param steps            training steps (batches); the paper runs 1501 (steps 0..1500)
 * @param batchSize        colours per batch, drawn uniformly with replacement from the training grid
 * @param gridSubdivisions the training grid is linspace(0,1,n)³ (paper: 8 → 512 colours)
 * @param lr               the learning rate schedule (batch i uses lr(i))
 * @param validateEvery    validation after every this many steps (and at the end)
 * @param historyEvery     a history row every this many steps (and at validation steps and the last step)
 * @param snapshotSteps    steps (0 = initial model, {@code steps} = final) at which latents are recorded
 * @param engine           the training engine asked for ({@code auto}: fused where supported); runs asking for
 *                         different engines go to different packs
 */
public record TrainingSpec(int steps, int batchSize, int gridSubdivisions, KeyframeSchedule lr, int validateEvery,
                           int historyEvery, List<Integer> snapshotSteps, Engine engine) implements Canonical, java.io.Serializable {

    /** With {@code engine = auto}. */
    public TrainingSpec(int steps, int batchSize, int gridSubdivisions, KeyframeSchedule lr, int validateEvery,
                        int historyEvery, List<Integer> snapshotSteps) {
        this(steps, batchSize, gridSubdivisions, lr, validateEvery, historyEvery, snapshotSteps, Engine.AUTO);
    }

    public TrainingSpec {
        if (steps < 1) throw new IllegalArgumentException("steps must be ≥ 1, but got " + steps);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be ≥ 1, but got " + batchSize);
        if (gridSubdivisions < 2) {
            throw new IllegalArgumentException("training grid subdivisions must be ≥ 2, but got " + gridSubdivisions);
        }
        if (lr.minValue() < 0) throw new IllegalArgumentException("lr must be ≥ 0, but the schedule has " + lr.minValue());
        if (validateEvery < 1) throw new IllegalArgumentException("validate-every must be ≥ 1, but got " + validateEvery);
        if (historyEvery < 1) throw new IllegalArgumentException("history-every must be ≥ 1, but got " + historyEvery);
        if (engine == null) throw new IllegalArgumentException("engine must be one of " + Engine.configNames());
        snapshotSteps = List.copyOf(snapshotSteps.stream().distinct().sorted().toList());
        for (int s : snapshotSteps) {
            if (s < 0 || s > steps) {
                throw new IllegalArgumentException("snapshot steps must be in 0.." + steps + ", but got " + s);
            }
        }
    }

    /** The same settings with another engine. */
    public TrainingSpec withEngine(Engine other) {
        return new TrainingSpec(steps, batchSize, gridSubdivisions, lr, validateEvery, historyEvery, snapshotSteps, other);
    }

    /**
     * The {@code training} section as resolved; the snapshot steps are {@code evaluation.latents.steps} there. The
     * engine is named only when it is not {@code auto}, so run ids from before the setting existed still hold.
     */
    @Override
    public Object canonicalForm() {
        Map<String, Object> form = new java.util.TreeMap<>(Map.of("steps", steps, "batch-size", batchSize,
                "grid", gridSubdivisions, "lr", lr, "validate-every", validateEvery, "history-every", historyEvery));
        if (engine != Engine.AUTO) form.put("engine", engine.configName());
        return form;
    }
}
