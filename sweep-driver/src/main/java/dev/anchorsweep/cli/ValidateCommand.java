package dev.anchorsweep.cli;

import dev.anchorsweep.sweep.PlanTable;
import dev.anchorsweep.sweep.SweepPlan;
import dev.anchorsweep.sweep.SweepPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Loads a sweep config, plans every run of it and prints the plan; trains nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a sweep config (every run of its grid is planned and validated; nothing is trained) and "
                + "print its name, run count, axes and arms. Exit code 2 and every problem on stderr when it is bad.")
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "HOCON sweep file (sections sweep, run, grid)")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SweepPlan plan = SweepPlanner.load(ConfigArgument.require(config));
        PrintWriter out = spec.commandLine().getOut();
        out.print(PlanTable.render(plan));
        out.flush();
        return 0;
    }
}
