package dev.anchorsweep.driver;

import dev.anchorsweep.analysis.ResultViews;
import dev.anchorsweep.analysis.adaptive.ArmSamples;
import dev.anchorsweep.analysis.adaptive.ArmStatus;
import dev.anchorsweep.analysis.adaptive.SeedRounds;
import dev.anchorsweep.analysis.adaptive.SeedRule;
import dev.anchorsweep.job.RunOutcome;
import dev.anchorsweep.job.RunTicket;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs an adaptive-seed sweep in rounds: round 1 plans every arm's first {@code start} seeds; a round with runs to
 * train writes the version's row with the runs planned so far, trains them as one Spark job and reads the committed
 * outcomes back from the results folder (each run's first commit, as the views); then every arm is decided
 * ({@link SeedRounds}) and the arms that need more seeds get the next {@code step} in the next round, until none does.
 * A rerun reads the committed outcomes once and replays the rounds whose runs are all committed without a Spark job —
 * the same decisions, as they come from the same outcomes — and resumes at the first round with runs missing.
 */
final class SeedRoundsRun {

    /** Writes the version's row with the given runs (unfinished). */
    interface VersionRow {
        void write(List<RunTicket> runs) throws IOException;
    }

    /**
     * @param runs     the runs planned over all rounds (the version's run ids)
     * @param arms     every arm's status after the last round
     * @param outcomes what the tasks of this invocation reported
     */
    record Outcome(List<RunTicket> runs, List<ArmStatus> arms, List<RunOutcome> outcomes) {
    }

    private SeedRoundsRun() {
    }

    static Outcome run(SweepRunner.Sweep sweep, SparkSession spark, String root, Set<String> committed,
                       VersionRow versionRow, Function<List<RunTicket>, List<RunOutcome>> train, PrintStream err)
            throws IOException {
        SeedRule rule = sweep.adaptive();
        Map<String, List<RunTicket>> byArm = byArm(sweep.runs());
        SeedRounds rounds = new SeedRounds(rule, List.copyOf(byArm.keySet()));
        List<RunOutcome> outcomes = new ArrayList<>();
        ArmSamples samples = read(spark, root, sweep, byArm);
        List<RunTicket> wanted;
        while (true) {
            wanted = new ArrayList<>();
            for (String arm : rounds.arms()) wanted.addAll(byArm.get(arm).subList(0, rounds.seeds(arm)));
            List<RunTicket> todo = wanted.stream().filter(t -> !committed.contains(t.runId())).toList();
            if (rounds.round() == 1) {
                err.printf("round 1: %d %s × %d seeds (%d runs, %d to train)%n", byArm.size(),
                        byArm.size() == 1 ? "arm" : "arms", rule.start(), wanted.size(), todo.size());
            }
            if (rounds.round() == 1 || !todo.isEmpty()) versionRow.write(wanted);
            if (!todo.isEmpty()) {
                outcomes.addAll(train.apply(todo));
                todo.forEach(t -> committed.add(t.runId()));
                samples = read(spark, root, sweep, byArm);
            }
            List<ArmStatus> decided = rounds.decide(samples.values(rounds));
            if (rounds.done()) break;
            long more = decided.stream().filter(ArmStatus::needsMore).count();
            int added = rounds.runsToAdd();
            int waiting = (int) rounds.arms().stream().flatMap(a -> byArm.get(a).subList(0, rounds.seeds(a)).stream())
                    .filter(t -> !committed.contains(t.runId())).count();
            err.printf("round %d: %d %s more seeds (+%d runs%s)%n", rounds.round(), more,
                    more == 1 ? "arm needs" : "arms need", added,
                    waiting == added ? "" : ", " + (added - waiting) + " already committed");
        }
        versionRow.write(wanted); // the version's runs before the summary reads them through the views
        err.printf("adaptive seeds: every arm stopped after %d round%s, %d runs%n", rounds.round() - 1,
                rounds.round() == 2 ? "" : "s", wanted.size());
        return new Outcome(wanted, rounds.statuses(), outcomes);
    }

    /**
     * The committed outcomes of every run the sweep may plan, read back from the results folder, by arm and seed of
     * the plan (a run absent is not committed; null: failed, or without the metric).
     */
    private static ArmSamples read(SparkSession spark, String root, SweepRunner.Sweep sweep,
                                   Map<String, List<RunTicket>> byArm) {
        boolean anyRuns = ResultViews.register(spark, root).contains("runs"); // none yet in a new folder
        Map<String, Double> values = !anyRuns ? Map.of() : ArmSamples.committed(spark, sweep.name(), sweep.adaptive().metric(),
                sweep.runs().stream().map(RunTicket::runId).collect(java.util.stream.Collectors.toSet()));
        Map<String, TreeMap<Integer, Double>> samples = new TreeMap<>();
        byArm.forEach((arm, runs) -> {
            TreeMap<Integer, Double> bySeed = new TreeMap<>();
            for (RunTicket t : runs) if (values.containsKey(t.runId())) bySeed.put(t.spec().seed(), values.get(t.runId()));
            samples.put(arm, bySeed);
        });
        return new ArmSamples(samples);
    }

    /** The planned runs by arm (sorted by name), each arm's in seed order. */
    static Map<String, List<RunTicket>> byArm(List<RunTicket> runs) {
        Map<String, List<RunTicket>> byArm = new TreeMap<>();
        for (RunTicket t : runs) byArm.computeIfAbsent(t.arm(), a -> new ArrayList<>()).add(t);
        byArm.values().forEach(l -> l.sort(Comparator.comparingInt(t -> t.spec().seed())));
        return byArm;
    }
}
