package dev.anchorsweep.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code deploy/sweep run CONFIG --out OUT --master MASTER …} as a user runs it: the launcher script, its own driver
 * JVM, the job jar found beside the launcher's jar. Output goes to {@code <out>.log}.
 */
final class SweepProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private SweepProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static SweepProcess start(Project project, Path config, Path out, String master, Map<String, String> sparkConf)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("deploy/sweep", "run", config.toString(), "--out",
                out.toString(), "--master", master, "--pack-size", "2"));
        sparkConf.forEach((k, v) -> command.addAll(List.of("--spark-conf", k + "=" + v)));
        Map<String, String> env = new LinkedHashMap<>(project.scriptEnv());
        env.put("ANCHOR_SWEEP_HEAP", "1g");
        Path log = out.resolveSibling(out.getFileName() + ".log");
        Files.writeString(log, String.join(" ", command) + "\n");
        return new SweepProcess(Script.start(project.root(), env, log, log, command), log);
    }

    /** Waits for the sweep to end; its exit code (0: every run ok). Kills it at the time limit. */
    int waitFor(long seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            close();
            throw new IllegalStateException("the sweep must finish within " + seconds + " s, but did not; log:\n"
                    + log());
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** Kills the driver JVM (and the launcher script, if it is still there), waiting until both are gone. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) StandaloneCluster.waitForExit(p, 30);
    }
}
