package dev.anchorsweep.job;

import dev.anchorsweep.results.ResultStore;
import dev.anchorsweep.run.RunSpec;
import dev.anchorsweep.train.PackTrainer;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pack a local sweep's warm-up ({@link dev.anchorsweep.train.TrainerWarmUp}) repeats while Spark starts: a few
 * short throw-away runs shaped like the sweep's first, trained, evaluated and committed by a real {@link PackJob} into
 * a temporary results folder — the whole path of a pack, so the JIT has compiled evaluation, row building and Parquet
 * encoding as well as training before the first real pack starts (the first packs of a cold JVM took ~2.5× as long
 * as the later ones). {@link #close()} deletes the folder.
 */
public final class WarmUpPack implements Runnable, AutoCloseable {

    /** Runs and steps per warm-up pack: short, so that stopping waits little even while the code still runs interpreted. */
    static final int PACK_SIZE = 2;
    static final int STEPS = 20;
    private static final String SWEEP = "warm-up";

    private final Path dir;
    private final PackJob job;
    private final List<RunTicket> tickets = new ArrayList<>();
    private int packs;

    private WarmUpPack(Path dir, PackJob job, RunSpec template) {
        this.dir = dir;
        this.job = job;
        for (int p = 0; p < PACK_SIZE; p++) {
            tickets.add(new RunTicket(SWEEP, "warm-up-run-" + p, SWEEP, Map.of(), template.shortened(STEPS, p)));
        }
    }

    /** Warm-up packs shaped like {@code template}, committed under a new temporary folder. */
    public static WarmUpPack of(RunSpec template, Configuration hadoop, String codeVersion) {
        try {
            Path dir = Files.createTempDirectory("anchor-sweep-warm-up-");
            ResultStore store = new ResultStore(dir.toUri().toString(), hadoop);
            return new WarmUpPack(dir, new PackJob(store, Provenance.here(codeVersion), 1), template);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the warm-up's temporary results folder", e);
        }
    }

    @Override
    public void run() {
        job.run("warm-up-" + packs++, tickets, 0, PackTrainer.Progress.NONE);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind costs nothing
        }
    }
}
