package dev.anchorsweep.sweep;

import java.nio.file.Path;

/** Prints "run_id arm seed" for every run of a sweep file, one a line: run in a separate JVM by RunIdTest. */
public final class PrintRunIds {

    private PrintRunIds() {
    }

    public static void main(String[] args) {
        for (PlannedRun run : SweepPlanner.load(Path.of(args[0])).runs()) {
            System.out.println(run.runId() + "\t" + run.arm() + "\t" + run.seed());
        }
    }
}
