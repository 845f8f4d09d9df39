package dev.anchorsweep.run;

import dev.anchorsweep.data.TrainingData;
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
 * @param data             the training colours, their sampling weights and curriculum ({@code training.data})
 * @param reconWeight      the weight of the reconstruction loss per step ({@code training.recon-weight}, default 1)
 * @param phases           named phases ({@code training.phases}), ascending by step; empty when none are named
 */
public record TrainingSpec(int steps, int batchSize, int gridSubdivisions, KeyframeSchedule lr, int validateEvery,
                           int historyEvery, List<Integer> snapshotSteps, Engine engine, TrainingData data,
                           KeyframeSchedule reconWeight, List<NamedPhase> phases)
        implements Canonical, java.io.Serializable {

    /** The weight of the reconstruction loss unless configured. */
    public static final KeyframeSchedule RECON_WEIGHT = KeyframeSchedule.constant(1);

    /** With the paper's data, reconstruction weight 1 and no named phases. */
    public TrainingSpec(int steps, int batchSize, int gridSubdivisions, KeyframeSchedule lr, int validateEvery,
                        int historyEvery, List<Integer> snapshotSteps, Engine engine) {
        this(steps, batchSize, gridSubdivisions, lr, validateEvery, historyEvery, snapshotSteps, engine,
                TrainingData.DEFAULT, RECON_WEIGHT, List.of());
    }

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
        if (data == null) throw new IllegalArgumentException("training data must be given (TrainingData.DEFAULT: the grid)");
        if (reconWeight == null) throw new IllegalArgumentException("the reconstruction weight must be a schedule");
        if (reconWeight.minValue() < 0) {
            throw new IllegalArgumentException("recon-weight must be ≥ 0, but the schedule has " + reconWeight.minValue());
        }
        phases = List.copyOf(phases);
        for (int i = 1; i < phases.size(); i++) {
            if (phases.get(i).step() < phases.get(i - 1).step()) {
                throw new IllegalArgumentException("phases must be in step order, but " + phases.get(i) + " follows "
                        + phases.get(i - 1));
            }
        }
        snapshotSteps = List.copyOf(snapshotSteps.stream().distinct().sorted().toList());
        for (int s : snapshotSteps) {
            if (s < 0 || s > steps) {
                throw new IllegalArgumentException("snapshot steps must be in 0.." + steps + ", but got " + s);
            }
        }
    }

    /** The same settings with another engine. */
    public TrainingSpec withEngine(Engine other) {
        return new TrainingSpec(steps, batchSize, gridSubdivisions, lr, validateEvery, historyEvery, snapshotSteps, other,
                data, reconWeight, phases);
    }

    /** The same settings cut to {@code newSteps} steps, with latents recorded at {@code newSnapshots}. */
    public TrainingSpec shortened(int newSteps, List<Integer> newSnapshots) {
        return new TrainingSpec(newSteps, batchSize, gridSubdivisions, lr, validateEvery, historyEvery, newSnapshots,
                engine, data, reconWeight, phases.stream().filter(p -> p.step() < newSteps).toList());
    }

    /**
     * The {@code training} section as resolved; the snapshot steps are {@code evaluation.latents.steps} there. The
     * engine is named only when it is not {@code auto}, and {@code data}, {@code recon-weight} and {@code phases} only
     * when they are not their defaults, so run ids from before these settings existed still hold.
     */
    @Override
    public Object canonicalForm() {
        Map<String, Object> form = new java.util.TreeMap<>(Map.of("steps", steps, "batch-size", batchSize,
                "grid", gridSubdivisions, "lr", lr, "validate-every", validateEvery, "history-every", historyEvery));
        if (engine != Engine.AUTO) form.put("engine", engine.configName());
        if (!data.isDefault()) form.put("data", data);
        if (!reconWeight.equals(RECON_WEIGHT)) form.put("recon-weight", reconWeight);
        if (!phases.isEmpty()) form.put("phases", phases);
        return form;
    }
}
